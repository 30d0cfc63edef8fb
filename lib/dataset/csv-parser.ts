/**
 * A streaming CSV/TSV parser (RFC 4180: quoted fields, doubled quotes, line
 * breaks inside quotes, CRLF or LF). Feed text in chunks of any size; complete
 * records come out with the line they started on. No side effects.
 */

export interface CsvRecord {
  fields: string[];
  /** 1-based line of the file where the record starts. */
  line: number;
}

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

  constructor(private readonly delimiter: ',' | '\t' | ';') {}

  /** Parses the next piece of text; returns the records it completed. */
  push(chunk: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    for (const char of chunk) {
      if (this.sawCarriageReturn) {
        this.sawCarriageReturn = false;
        if (char === '\n') continue; // the \n of a \r\n we already ended the record on
      }
      if (this.inQuotes) {
        if (this.quotePending) {
          this.quotePending = false;
          if (char === '"') {
            this.field += '"';
            continue;
          }
          this.inQuotes = false; // that quote closed the field; fall through for this char
        } else if (char === '"') {
          this.quotePending = true;
          continue;
        } else {
          if (char === '\n') this.line += 1;
          this.field += char;
          continue;
        }
      }
      if (char === '"' && !this.fieldStarted) {
        this.inQuotes = true;
        this.fieldStarted = true;
      } else if (char === this.delimiter) {
        this.endField();
      } else if (char === '\n' || char === '\r') {
        this.sawCarriageReturn = char === '\r';
        this.endRecord(records);
        this.line += 1;
        this.recordLine = this.line;
      } else {
        this.field += char;
        this.fieldStarted = true;
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
    if (this.fieldStarted || this.fields.length > 0) this.endRecord(records);
    return records;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.fieldStarted = false;
  }

  private endRecord(records: CsvRecord[]): void {
    this.endField();
    // Blank lines are not records.
    if (!(this.fields.length === 1 && this.fields[0] === '')) records.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
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
