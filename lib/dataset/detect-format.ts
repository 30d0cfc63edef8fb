/**
 * Which format a dataset file is in, from its content (never its name): magic
 * bytes for gzip and Parquet, then the first characters and the first line
 * for the text formats. Pure.
 */
import { detectDelimiter } from './csv-parser';
import { isClosing, isOpening, JsonStructureScanner } from './json-structure';
import { MAX_HEADER_PROBE_CHARS, MAX_ROW_CHARS } from './limits';

export type DatasetFormat = 'jsonl' | 'json-array' | 'json' | 'csv' | 'tsv' | 'parquet';

export type TextLayout = { format: 'jsonl' | 'json' | 'json-array' } | { format: 'csv' | 'tsv'; delimiter: ',' | '\t' | ';' };

const GZIP_MAGIC = [0x1f, 0x8b];
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

export function isGzip(head: Uint8Array): boolean {
  return startsWith(head, GZIP_MAGIC);
}

export function isParquet(head: Uint8Array): boolean {
  return startsWith(head, PARQUET_MAGIC);
}

function csvLayout(firstLine: string): TextLayout {
  const delimiter = detectDelimiter(firstLine);
  return delimiter === '\t' ? { format: 'tsv', delimiter } : { format: 'csv', delimiter };
}

/**
 * Decides a text file's format from its start, holding the text it has seen
 * until then (so the chosen reader gets all of it). It holds at most one row:
 *
 * - `[` first: a JSON array.
 * - `{` first: JSON Lines if the first object closes before the first line
 *   break (however long that line is), one JSON document if the line breaks
 *   inside it (pretty-printed). A first line over the row cap is JSON Lines:
 *   its reader skips the line and says why.
 * - anything else: CSV or TSV, by the delimiter the first line uses most.
 */
export class TextFormatSniffer {
  private held: string[] = [];
  private heldChars = 0;
  private first: '[' | '{' | 'other' | undefined;
  private readonly json = new JsonStructureScanner();
  private depth = 0;

  /** Takes the next piece of text; returns the layout once it is clear. */
  push(chunk: string): TextLayout | undefined {
    const text = this.heldChars === 0 ? chunk.replace(/^\uFEFF/, '') : chunk;
    this.held.push(text);
    this.heldChars += text.length;
    let from = 0;
    if (this.first === undefined) {
      from = text.search(/\S/);
      if (from < 0) return undefined;
      const char = text[from];
      this.first = char === '[' || char === '{' ? char : 'other';
    }
    if (this.first === '[') return { format: 'json-array' };
    if (this.first === '{') return this.readFirstObject(text, from);
    const newline = text.indexOf('\n', from);
    if (newline >= 0 || this.heldChars >= MAX_HEADER_PROBE_CHARS) return csvLayout(this.firstLine());
    return undefined;
  }

  /** The input ended: the layout from what there is, or `undefined` if it was blank. */
  finish(): TextLayout | undefined {
    if (this.first === undefined) return undefined;
    if (this.first === '[') return { format: 'json-array' };
    // A first object still open at the end: not JSON Lines; the document's parse will say what is wrong.
    if (this.first === '{') return { format: 'json' };
    return csvLayout(this.firstLine());
  }

  /** The text seen so far, in pieces, for the chosen reader; afterwards the sniffer holds nothing. */
  takeHeld(): string[] {
    const held = this.held;
    this.held = [];
    return held;
  }

  private readFirstObject(text: string, from: number): TextLayout | undefined {
    const newline = text.indexOf('\n', from);
    const end = newline < 0 ? text.length : newline;
    for (let at = this.json.next(text, from, end); at >= 0; at = this.json.next(text, at + 1, end)) {
      const code = text.charCodeAt(at);
      if (isOpening(code)) this.depth += 1;
      else if (isClosing(code)) this.depth -= 1;
      if (this.depth === 0) return { format: 'jsonl' };
    }
    if (newline >= 0) return { format: 'json' };
    return this.heldChars > MAX_ROW_CHARS ? { format: 'jsonl' } : undefined;
  }

  private firstLine(): string {
    const start = this.held.join('').trimStart();
    return start.split(/\r?\n/, 1)[0] ?? '';
  }
}
