/**
 * The text formats (JSON Lines, a JSON array, one JSON document, CSV, TSV)
 * read from decoded text as it arrives, one row at a time; the format is
 * decided from the file's start. Memory is bounded by one row (or, for a
 * single JSON document, by its size limit), never by the file.
 */
import { BoundedText } from './bounded-text';
import { CsvParser, type CsvRecord } from './csv-parser';
import { TextFormatSniffer, type DatasetFormat, type TextLayout } from './detect-format';
import { DatasetFormatError } from './format-error';
import { JsonArraySplitter } from './json-array-splitter';
import { inMegabytes, MAX_JSON_DOCUMENT_CHARS, MAX_ROW_CHARS } from './limits';
import { LineSplitter } from './line-splitter';
import { collectJsonLine, collectJsonValue, type RowSink } from './rows';
import { describeError } from '../format/describe-error';

interface TextFormatReader {
  push(chunk: string): void;
  /** Ends the input; throws `DatasetFormatError` if the file cannot be read. */
  finish(): void;
}

export interface TextReadOptions {
  signal?: AbortSignal | undefined;
  /** Called after each piece of text, for progress. */
  onChunk?: () => void;
}

/** Reads text formats into `sink`; returns the format it found. Throws `DatasetFormatError` for an empty or unreadable file. */
export async function readText(text: ReadableStream<string>, sink: RowSink, { signal, onChunk }: TextReadOptions = {}): Promise<DatasetFormat> {
  const sniffer = new TextFormatSniffer();
  let layout: TextLayout | undefined;
  let reader: TextFormatReader | undefined;
  for await (const chunk of text) {
    signal?.throwIfAborted();
    if (reader) {
      reader.push(chunk);
    } else {
      layout = sniffer.push(chunk);
      if (layout) reader = openReader(layout, sink, sniffer.takeHeld());
    }
    onChunk?.();
    await sink.drain?.();
  }
  if (!layout || !reader) {
    layout = sniffer.finish();
    if (!layout) throw new DatasetFormatError('The file is empty.');
    reader = openReader(layout, sink, sniffer.takeHeld());
  }
  reader.finish();
  return layout.format;
}

/** The reader for `layout`, already given the text read while the format was decided. */
function openReader(layout: TextLayout, sink: RowSink, held: readonly string[]): TextFormatReader {
  const reader = createReader(layout, sink);
  for (const piece of held) reader.push(piece);
  return reader;
}

function createReader(layout: TextLayout, sink: RowSink): TextFormatReader {
  switch (layout.format) {
    case 'jsonl':
      return readJsonLines(sink);
    case 'json-array':
      return new JsonArraySplitter(MAX_ROW_CHARS, {
        onElement: (text, index) => collectJsonValue(sink, text, index),
        onTooLong: (index) => sink.reject('row-too-long', index),
      });
    case 'json':
      return readJsonDocument(sink);
    default:
      return readCsv(layout.delimiter, sink);
  }
}

function readJsonLines(sink: RowSink): TextFormatReader {
  let line = 0;
  return new LineSplitter(MAX_ROW_CHARS, {
    onLine: (text) => collectJsonLine(sink, text, (line += 1)),
    onTooLong: () => sink.reject('row-too-long', (line += 1)),
  });
}

/** One JSON object (a row, or a Whisper-style video with its segments): parsed whole, so held whole, up to a limit. */
function readJsonDocument(sink: RowSink): TextFormatReader {
  const text = new BoundedText(MAX_JSON_DOCUMENT_CHARS);
  return {
    push(chunk) {
      text.append(chunk);
      if (text.isOverCap) {
        const limit = inMegabytes(MAX_JSON_DOCUMENT_CHARS);
        throw new DatasetFormatError(
          `The file is a single JSON object of more than ${limit}; this extension reads one object up to ${limit}. Save its rows as JSON Lines (one per line) or as a JSON array.`,
        );
      }
    },
    finish() {
      let value: unknown;
      try {
        value = JSON.parse(text.take() ?? '');
      } catch (error) {
        throw new DatasetFormatError(`The file starts like JSON but is not valid JSON (${describeError(error)}).`);
      }
      sink.add(value, 1);
    },
  };
}

function readCsv(delimiter: ',' | '\t' | ';', sink: RowSink): TextFormatReader {
  const parser = new CsvParser(delimiter, { maxRecordChars: MAX_ROW_CHARS });
  // Semicolon files come from locales that write 1,5 for one and a half.
  const options = { decimalComma: delimiter === ';' };
  let header: string[] | undefined;
  const addRecords = (records: CsvRecord[]) => {
    for (const { fields, line, tooLong } of records) {
      if (tooLong) {
        if (!header) throw new DatasetFormatError(`The header line is longer than ${inMegabytes(MAX_ROW_CHARS)}.`);
        sink.reject('row-too-long', line);
      } else if (!header) {
        header = fields.map((name) => name.trim());
      } else {
        // No prototype: a column named `__proto__` is a column like any other.
        const row = Object.create(null) as Record<string, unknown>;
        header.forEach((name, i) => {
          row[name] = fields[i];
        });
        sink.add(row, line, options);
      }
    }
  };
  return {
    push: (chunk) => addRecords(parser.push(chunk)),
    finish() {
      addRecords(parser.finish());
      if (!header) throw new DatasetFormatError('The file has no header line naming its columns.');
    },
  };
}
