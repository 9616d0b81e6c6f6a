/**
 * Splits a byte stream into `\n`-terminated lines without ever holding more than one line
 * (bounded by the line limit): a line longer than the limit is reported, not buffered.
 */
export class LineSplitter {
  private parts: Buffer[] = [];
  private partLength = 0;
  private over = false;

  constructor(
    private readonly limit: number,
    /** `line` excludes the `\n`; when `overLimit`, `line` is empty and `length` is what was seen. */
    private readonly onLine: (line: Buffer, overLimit: boolean, length: number) => void,
  ) {}

  push(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      if (nl < 0) {
        this.carry(chunk.subarray(start));
        return;
      }
      const piece = chunk.subarray(start, nl);
      if (this.partLength === 0 && !this.over) {
        if (piece.length > this.limit) this.onLine(EMPTY, true, piece.length);
        else this.onLine(piece, false, piece.length);
      } else {
        this.carry(piece);
        const length = this.partLength;
        if (this.over) this.onLine(EMPTY, true, length);
        else this.onLine(this.parts.length === 1 ? (this.parts[0] as Buffer) : Buffer.concat(this.parts, length), false, length);
        this.parts = [];
        this.partLength = 0;
        this.over = false;
      }
      start = nl + 1;
    }
  }

  private carry(piece: Buffer): void {
    if (piece.length === 0) return;
    this.partLength += piece.length;
    if (this.over) return;
    if (this.partLength > this.limit) {
      this.over = true;
      this.parts = [];
      return;
    }
    // Copy: the chunk's memory may be reused by the stream.
    this.parts.push(Buffer.from(piece));
  }

  /** Bytes after the last `\n` (a missing final newline), if any. */
  end(): { trailing: number; overLimit: boolean } {
    return { trailing: this.partLength, overLimit: this.over };
  }
}

const EMPTY = Buffer.alloc(0);
