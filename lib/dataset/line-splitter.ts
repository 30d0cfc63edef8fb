/**
 * Splits text arriving in chunks into lines. Each chunk is scanned once for
 * line breaks (linear in the input, however long a line is); a line longer
 * than the cap is skipped up to its line break without being held. No side
 * effects beyond calling its handlers.
 */
import { BoundedText } from './bounded-text';

export interface LineHandlers {
  /** A complete line, without its `\n` (a `\r` before it stays). */
  onLine: (line: string) => void;
  /** A line longer than the cap ended (or the input did). */
  onTooLong: () => void;
}

export class LineSplitter {
  private readonly line: BoundedText;

  constructor(maxLineChars: number, private readonly handlers: LineHandlers) {
    this.line = new BoundedText(maxLineChars);
  }

  push(chunk: string): void {
    let from = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', from)) {
      this.line.append(chunk, from, end);
      this.endLine();
      from = end + 1;
    }
    this.line.append(chunk, from);
  }

  /** Ends the input: a last line without a line break is still a line. */
  finish(): void {
    if (this.line.length > 0) this.endLine();
  }

  private endLine(): void {
    const text = this.line.take();
    if (text === undefined) this.handlers.onTooLong();
    else this.handlers.onLine(text);
  }
}
