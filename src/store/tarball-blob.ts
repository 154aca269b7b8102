/**
 * A tarball as the Blob PGlite.create's loadDataDir takes: PGlite only reads its type and arrayBuffer(),
 * which here copies the bytes once instead of streaming them through Node's Blob store (about a second
 * for a loaded store).
 */
export class TarballBlob extends Blob {
  readonly #bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    super([], { type: 'application/x-tar' });
    this.#bytes = bytes;
  }

  override get size(): number {
    return this.#bytes.byteLength;
  }

  /** A copy of exactly the bytes: the caller may transfer it (a Buffer's slice() would share, and expose, its whole pool). */
  override async arrayBuffer(): Promise<ArrayBuffer> {
    return new Uint8Array(this.#bytes).buffer;
  }
}
