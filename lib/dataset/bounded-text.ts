/**
 * The text of one row as it arrives in pieces, up to a cap. Past the cap it
 * drops what it held and only counts, so an endless row costs no memory.
 * Pieces are joined once, when the row ends: linear in the row's length.
 */
export class BoundedText {
  private readonly pieces: string[] = [];
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  /** Adds `text[from, to)`. */
  append(text: string, from = 0, to = text.length): void {
    if (to <= from) return;
    this.chars += to - from;
    if (this.chars > this.maxChars) {
      this.pieces.length = 0;
      return;
    }
    this.pieces.push(from === 0 && to === text.length ? text : text.slice(from, to));
  }

  /** Characters added since the last `take` (held or not). */
  get length(): number {
    return this.chars;
  }

  get isOverCap(): boolean {
    return this.chars > this.maxChars;
  }

  /** The text since the last `take`, or `undefined` if it went over the cap; starts afresh. */
  take(): string | undefined {
    const text = this.isOverCap ? undefined : this.pieces.length === 1 ? this.pieces[0]! : this.pieces.join('');
    this.pieces.length = 0; // reused: one array for every row
    this.chars = 0;
    return text;
  }
}
