/**
 * The text formats (JSON Lines, a JSON document, CSV, TSV) read from decoded
 * text as it arrives; the format is decided from the file's start.
 */
import { CsvParser, detectDelimiter, type CsvRecord } from './csv-parser';
import { detectTextFormat, type DatasetFormat } from './detect-format';
import { DatasetFormatError } from './format-error';
import { collectJsonLine, type TranscriptCollector } from './rows';
import { describeError } from '../format/describe-error';

/** Reads text formats into `collector`; returns the format it found. Throws `DatasetFormatError` for an empty or unreadable file. */
export async function readText(
  text: ReadableStream<string>,
  collector: TranscriptCollector,
  signal: AbortSignal | undefined,
  onRows: () => void,
): Promise<DatasetFormat> {
  let format: DatasetFormat | undefined;
  let buffered = '';
  let lineNumber = 0;
  let csv: CsvParser | undefined;
  let decimalComma = false;
  let header: string[] | undefined;

  const addCsvRecords = (records: CsvRecord[]) => {
    for (const { fields, line } of records) {
      if (!header) {
        header = fields.map((name) => name.trim());
        continue;
      }
      const row: Record<string, unknown> = {};
      header.forEach((name, i) => {
        row[name] = fields[i];
      });
      collector.add(row, line, { decimalComma });
    }
  };

  const addJsonLines = (final: boolean) => {
    const lines = buffered.split('\n');
    buffered = final ? '' : (lines.pop() ?? '');
    for (const line of lines) {
      lineNumber += 1;
      collectJsonLine(collector, line, lineNumber);
    }
  };

  /** Decides the format once enough text is in; then hands what is buffered to its reader. */
  const decide = (complete: boolean) => {
    buffered = buffered.replace(/^\uFEFF/, '');
    format = detectTextFormat(buffered.trimStart(), complete);
    if (format === 'csv' || format === 'tsv') {
      const firstLine = buffered.trimStart().split(/\r?\n/, 1)[0] ?? '';
      const delimiter = detectDelimiter(firstLine);
      // Semicolon files come from locales that write 1,5 for one and a half.
      decimalComma = delimiter === ';';
      csv = new CsvParser(delimiter);
      addCsvRecords(csv.push(buffered));
      buffered = '';
    }
  };

  for await (const chunk of text) {
    signal?.throwIfAborted();
    if (csv) addCsvRecords(csv.push(chunk));
    else buffered += chunk;
    if (format === undefined && buffered.trim() !== '') decide(false);
    if (format === 'jsonl') addJsonLines(false);
    onRows();
  }

  if (format === undefined) {
    if (buffered.replace(/^\uFEFF/, '').trim() === '') throw new DatasetFormatError('The file is empty.');
    decide(true);
  }
  switch (format) {
    case 'jsonl':
      addJsonLines(true);
      break;
    case 'json-array':
    case 'json':
      readJsonDocument(buffered, collector);
      break;
    default:
      addCsvRecords(csv!.finish());
      if (!header) throw new DatasetFormatError('The file has no header line naming its columns.');
  }
  return format!;
}

/** A whole JSON file: an array of rows, or one object (a row, or a Whisper-style video with its segments). */
function readJsonDocument(text: string, collector: TranscriptCollector): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new DatasetFormatError(`The file starts like JSON but is not valid JSON (${describeError(error)}).`);
  }
  if (Array.isArray(value)) value.forEach((row: unknown, index) => collector.add(row, index + 1));
  else collector.add(value, 1);
}
