/** Bytes appended at `pos` into one buffer that doubles when `ensure` finds too little room: the encoders' common base. */
export class GrowingBuffer {
  protected buf: Buffer;
  pos = 0;

  constructor(initialBytes: number) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** Makes room for `extra` more bytes after `pos`. */
  protected ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }
}
