/**
 * A copy of part of an XML part's bytes with small edits (text put in, bytes left out), made in
 * one pass: pieces are joined in blocks as they come, so millions of edits in a large sheet stay
 * linear and never hold millions of slices at once.
 */
export class ByteEdits {
  private readonly blocks: Buffer[] = [];
  private pieces: Buffer[] = [];
  private from: number;

  constructor(
    private readonly b: Buffer,
    start = 0,
  ) {
    this.from = start;
  }

  /** Bytes `at`..`to` (from the last edit on) replaced by `text` (latin1): an insertion when `to` is `at`. */
  replace(at: number, to: number, text = ''): void {
    this.pieces.push(this.b.subarray(this.from, at));
    if (text) this.pieces.push(Buffer.from(text, 'latin1'));
    this.from = to;
    if (this.pieces.length >= 8192) {
      this.blocks.push(Buffer.concat(this.pieces));
      this.pieces = [];
    }
  }

  /** The bytes from the start to `end`, edited; the original slice when nothing was edited. */
  result(end: number = this.b.length): Buffer {
    if (this.blocks.length === 0 && this.pieces.length === 0) return this.b.subarray(this.from, end);
    return Buffer.concat([...this.blocks, ...this.pieces, this.b.subarray(this.from, end)]);
  }
}
