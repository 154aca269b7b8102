/**
 * A uniform grid over positions at one instant (a spatial hash): space is cut into cubic cells of
 * side `cellKm`; an entry is inserted into every cell its cube [centre ± halfWidth] overlaps, and a
 * lookup returns the entries of the one cell a point lies in. So a point within `halfWidth` of an
 * entry's centre on every axis (in particular, within `halfWidth` in distance) is always returned,
 * whatever the cell size; the cell size only trades inserts against extra candidates.
 *
 * Cells are hashed into a power-of-two bucket table. Two cells may share a bucket: a lookup can then
 * return entries of another cell as well, never fewer; callers test each candidate's distance.
 * The table is cleared in O(1) per instant by a generation stamp.
 */
export class CellIndex {
  private mask: number;
  private stamp: Int32Array;
  private head: Int32Array;
  private next = new Int32Array(1024);
  /** Per entry: its id, and the centre and radius it was inserted with (read through `first`/`nextOf`). */
  ids = new Int32Array(1024);
  ex: Float64Array<ArrayBuffer> = new Float64Array(1024);
  ey: Float64Array<ArrayBuffer> = new Float64Array(1024);
  ez: Float64Array<ArrayBuffer> = new Float64Array(1024);
  radius: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private count = 0;
  private generation = 0;
  private inv = 1;

  constructor(bucketBits = 16) {
    this.mask = (1 << bucketBits) - 1;
    this.stamp = new Int32Array(this.mask + 1);
    this.head = new Int32Array(this.mask + 1);
  }

  /** Empties the index for a new instant and sets its cell size (km). */
  reset(cellKm: number): void {
    if (!(cellKm > 0)) throw new Error(`cell size must be positive, got ${cellKm}`);
    this.inv = 1 / cellKm;
    this.count = 0;
    this.generation++;
  }

  get size(): number { return this.count; }

  /**
   * Inserts `id` into every cell overlapped by the cube of half-width `halfWidth` km around (x, y, z);
   * the entry keeps the centre and `radius` (a caller's value, e.g. its part of a distance limit).
   */
  insertCube(id: number, x: number, y: number, z: number, halfWidth: number, radius = halfWidth): void {
    const inv = this.inv;
    const x0 = Math.floor((x - halfWidth) * inv), x1 = Math.floor((x + halfWidth) * inv);
    const y0 = Math.floor((y - halfWidth) * inv), y1 = Math.floor((y + halfWidth) * inv);
    const z0 = Math.floor((z - halfWidth) * inv), z1 = Math.floor((z + halfWidth) * inv);
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        for (let iz = z0; iz <= z1; iz++) this.push(id, x, y, z, radius, bucketOf(ix, iy, iz) & this.mask);
      }
    }
  }

  /** The first entry of the bucket of the cell holding (x, y, z), or −1; then `nextOf`. */
  first(x: number, y: number, z: number): number {
    const inv = this.inv;
    const b = bucketOf(Math.floor(x * inv), Math.floor(y * inv), Math.floor(z * inv)) & this.mask;
    return this.stamp[b] === this.generation ? this.head[b]! : -1;
  }

  nextOf(entry: number): number { return this.next[entry]!; }

  private push(id: number, x: number, y: number, z: number, radius: number, b: number): void {
    if (this.count === this.next.length) this.grow();
    const e = this.count++;
    this.ex[e] = x; this.ey[e] = y; this.ez[e] = z; this.radius[e] = radius;
    if (this.stamp[b] !== this.generation) { this.stamp[b] = this.generation; this.head[b] = -1; }
    this.next[e] = this.head[b]!;
    this.ids[e] = id;
    this.head[b] = e;
  }

  private grow(): void {
    const n = new Int32Array(this.next.length * 2); n.set(this.next); this.next = n;
    const v = new Int32Array(this.ids.length * 2); v.set(this.ids); this.ids = v;
    const grown = (a: Float64Array): Float64Array<ArrayBuffer> => { const g = new Float64Array(a.length * 2); g.set(a); return g; };
    this.ex = grown(this.ex); this.ey = grown(this.ey); this.ez = grown(this.ez); this.radius = grown(this.radius);
  }
}

function bucketOf(ix: number, iy: number, iz: number): number {
  return (Math.imul(ix, 73856093) ^ Math.imul(iy, 19349663) ^ Math.imul(iz, 83492791)) >>> 0;
}
