import { WingmanError } from './errors.js';

/**
 * Bytes per line, newline included, on the hook socket. Its own module with no imports beyond the
 * error type, so the per-session MCP hook server can split lines without loading the protocol's schemas.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

/** Splits a byte stream into lines, refusing to buffer a line longer than the cap. */
export class LineBuffer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(private readonly maxBytes = MAX_LINE_BYTES) {}

  private ready: string[] = [];

  /** The first complete line so far, keeping any later ones for drain(); throws as push() does. */
  shift(chunk: Buffer): string | undefined {
    this.ready.push(...this.push(chunk));
    return this.ready.shift();
  }

  /** Complete lines shift() has kept back. */
  drain(): string[] {
    return this.ready.splice(0);
  }

  /** Complete lines (without the newline) found so far; throws once a line outgrows the cap. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let newline = chunk.indexOf(0x0a); newline !== -1; newline = chunk.indexOf(0x0a, start)) {
      this.add(chunk.subarray(start, newline + 1));
      lines.push(Buffer.concat(this.pending).subarray(0, -1).toString('utf8'));
      this.pending = [];
      this.pendingBytes = 0;
      start = newline + 1;
    }
    if (start < chunk.length) this.add(chunk.subarray(start));
    return lines;
  }

  private add(part: Buffer): void {
    this.pendingBytes += part.length;
    if (this.pendingBytes > this.maxBytes) {
      throw new WingmanError('invalid_input', `Line longer than ${this.maxBytes} bytes.`);
    }
    this.pending.push(part);
  }
}
