/**
 * A streaming CSV/TSV parser (RFC 4180: quoted fields, doubled quotes, line
 * breaks inside quotes, CRLF or LF). Feed text in chunks of any size; complete
 * records come out with the line they started on. It copies runs of text, not
 * characters, so time and memory stay linear in the input; a record longer
 * than the cap is skipped without being held. No side effects.
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file where the record starts. */
  line: number;
  /** Longer than the cap: skipped, `fields` is empty. */
  tooLong?: true;
}

export interface CsvOptions {
  /** Characters in one record, its delimiters and line break included; unlimited if absent. */
  maxRecordChars?: number;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export class CsvParser {
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  /** A quote inside a quoted field: either the end of the quotes or the first half of `""`. */
  private quotePending = false;
  private sawCarriageReturn = false;
  private line = 1;
  private recordLine = 1;
  private fieldStarted = false;
  private recordChars = 0;
  private readonly delimiter: number;
  private readonly maxRecordChars: number;

  constructor(delimiter: ',' | '\t' | ';', { maxRecordChars = Number.POSITIVE_INFINITY }: CsvOptions = {}) {
    this.delimiter = delimiter.charCodeAt(0);
    this.maxRecordChars = maxRecordChars;
  }

  /** Parses the next piece of text; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let i = 0;
    while (i < chunk.length) {
      const code = chunk.charCodeAt(i);
      if (this.sawCarriageReturn) {
        this.sawCarriageReturn = false;
        if (code === LF) {
          i += 1; // the \n of a \r\n we already ended the record on
          continue;
        }
      }
      if (this.inQuotes) {
        if (!this.quotePending) {
          i = this.readQuotedRun(chunk, i);
          continue;
        }
        this.quotePending = false;
        if (code === QUOTE) {
          this.append('"');
          i += 1;
          continue;
        }
        this.inQuotes = false; // that quote closed the field; go on with this character
      }
      if (code === QUOTE && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
        i += 1;
      } else if (code === this.delimiter) {
        this.endField();
        i += 1;
      } else if (code === LF || code === CR) {
        this.sawCarriageReturn = code === CR;
        this.endRecord(records);
        this.line += 1;
        this.recordLine = this.line;
        i += 1;
      } else {
        i = this.readPlainRun(chunk, i);
      }
    }
    return records;
  }

  /** Ends the input; returns the last record if the file did not end with a line break. */
  finish(): CsvRecord[] {
    const records: CsvRecord[] = [];
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.fieldStarted || this.fields.length > 0 || this.recordChars > 0) this.endRecord(records);
    return records;
  }

  /** Text inside quotes up to the next quote; returns where it stopped. */
  private readQuotedRun(chunk: string, from: number): number {
    const quote = chunk.indexOf('"', from);
    const end = quote < 0 ? chunk.length : quote;
    for (let newline = chunk.indexOf('\n', from); newline >= 0 && newline < end; newline = chunk.indexOf('\n', newline + 1)) {
      this.line += 1;
    }
    this.append(chunk, from, end);
    if (quote < 0) return end;
    this.quotePending = true;
    return quote + 1;
  }

  /** Unquoted text up to the next delimiter or line break (a quote inside it is text); returns where it stopped. */
  private readPlainRun(chunk: string, from: number): number {
    let end = from + 1;
    while (end < chunk.length) {
      const code = chunk.charCodeAt(end);
      if (code === this.delimiter || code === LF || code === CR) break;
      end += 1;
    }
    this.append(chunk, from, end);
    this.fieldStarted = true;
    return end;
  }

  private get isTooLong(): boolean {
    return this.recordChars > this.maxRecordChars;
  }

  private append(text: string, from = 0, to = text.length): void {
    this.recordChars += to - from;
    if (this.isTooLong) {
      this.field = '';
      this.fields = [];
    } else {
      this.field += text.slice(from, to);
    }
  }

  private endField(): void {
    this.recordChars += 1;
    if (!this.isTooLong) this.fields.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(records: CsvRecord[]): void {
    this.endField();
    if (this.isTooLong) records.push({ fields: [], line: this.recordLine, tooLong: true });
    // Blank lines are not records.
    else if (!(this.fields.length === 1 && this.fields[0] === '')) records.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.recordChars = 0;
  }
}

/** Guesses the delimiter from the header line: the most frequent of tab, comma and semicolon. */
export function detectDelimiter(headerLine: string): ',' | '\t' | ';' {
  const count = (char: string) => headerLine.split(char).length - 1;
  const tabs = count('\t');
  const commas = count(',');
  const semicolons = count(';');
  if (tabs > 0 && tabs >= commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}
