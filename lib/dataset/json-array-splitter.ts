/**
 * Splits a JSON array arriving in chunks into the text of its elements, so a
 * file of any size is parsed one row at a time (`JSON.parse` per element).
 * Tracks only bracket depth and strings; each element's own syntax is left to
 * `JSON.parse`. An element longer than the cap is skipped without being held.
 */
import { BoundedText } from './bounded-text';
import { DatasetFormatError } from './format-error';
import { isClosing, isOpening, JsonStructureScanner } from './json-structure';

export interface ElementHandlers {
  /** The text of one element (trimmed; empty for a missing one, as in `[1,,2]`); `index` is 1-based. */
  onElement: (text: string, index: number) => void;
  onTooLong: (index: number) => void;
}

export class JsonArraySplitter {
  private readonly scanner = new JsonStructureScanner();
  private readonly element: BoundedText;
  /** 0 before the opening `[` and after the closing `]`; 1 between elements. */
  private depth = 0;
  private state: 'before' | 'inside' | 'after' = 'before';
  private count = 0;

  constructor(maxElementChars: number, private readonly handlers: ElementHandlers) {
    this.element = new BoundedText(maxElementChars);
  }

  /** Reads the next piece of text. Throws `DatasetFormatError` for text after the array. */
  push(chunk: string): void {
    let from = 0; // where the current element's text starts in this chunk
    let scanFrom = 0;
    for (;;) {
      if (this.state === 'after') {
        if (chunk.slice(from).trim() !== '') {
          throw new DatasetFormatError('The file starts like JSON but is not valid JSON (there is more text after the array ends).');
        }
        return;
      }
      if (this.state === 'before') {
        const open = chunk.indexOf('[', from);
        if (open < 0) return; // only the blanks before the array (the format was decided on its `[`)
        this.state = 'inside';
        this.depth = 1;
        from = scanFrom = open + 1;
        continue;
      }
      const at = this.scanner.next(chunk, scanFrom);
      if (at < 0) {
        this.element.append(chunk, from);
        return;
      }
      scanFrom = at + 1;
      const code = chunk.charCodeAt(at);
      if (isOpening(code)) {
        this.depth += 1;
      } else if (isClosing(code)) {
        this.depth -= 1;
        if (this.depth === 0) {
          this.element.append(chunk, from, at);
          from = scanFrom;
          this.endArray();
        }
      } else if (this.depth === 1) {
        this.element.append(chunk, from, at); // a comma between elements
        from = scanFrom;
        this.endElement();
      }
    }
  }

  /** Ends the input. Throws `DatasetFormatError` if the array never closed. */
  finish(): void {
    if (this.state !== 'after') {
      throw new DatasetFormatError('The file starts like JSON but is not valid JSON (it ends before the array is closed: cut short?).');
    }
  }

  private endArray(): void {
    this.state = 'after';
    const text = this.element.take();
    // `[]` and `[ ]` have no elements; `[1, ]` has a missing last one.
    if (this.count === 0 && text?.trim() === '') return;
    this.emit(text);
  }

  private endElement(): void {
    this.emit(this.element.take());
  }

  private emit(text: string | undefined): void {
    this.count += 1;
    if (text === undefined) this.handlers.onTooLong(this.count);
    else this.handlers.onElement(text.trim(), this.count);
  }
}
