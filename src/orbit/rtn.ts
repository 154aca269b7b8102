/**
 * Radial / in-track / cross-track (RTN, also RSW or RIC) components of a relative vector in the
 * frame of a reference state: R along the reference position, N along its angular momentum r × v,
 * T = N × R (in the direction of motion for a near-circular orbit).
 */
export interface Rtn { r: number; t: number; n: number }

export function rtnComponents(
  ref: ArrayLike<number>, rel: readonly [number, number, number],
): Rtn {
  const [x, y, z, vx, vy, vz] = [ref[0]!, ref[1]!, ref[2]!, ref[3]!, ref[4]!, ref[5]!];
  const rn = Math.hypot(x, y, z);
  const R = [x / rn, y / rn, z / rn] as const;
  const hx = y * vz - z * vy, hy = z * vx - x * vz, hz = x * vy - y * vx;
  const hn = Math.hypot(hx, hy, hz);
  const N = [hx / hn, hy / hn, hz / hn] as const;
  const T = [N[1] * R[2] - N[2] * R[1], N[2] * R[0] - N[0] * R[2], N[0] * R[1] - N[1] * R[0]] as const;
  const dot = (u: readonly [number, number, number]): number => u[0] * rel[0] + u[1] * rel[1] + u[2] * rel[2];
  return { r: dot(R), t: dot(T), n: dot(N) };
}
