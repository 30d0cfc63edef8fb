/** A dataset format as a person names it ("JSON Lines", not "jsonl"). Pure. */
import type { DatasetFormat } from './detect-format';

const FORMAT_NAMES: Record<DatasetFormat, string> = {
  jsonl: 'JSON Lines',
  'json-array': 'JSON array',
  json: 'JSON',
  csv: 'CSV',
  tsv: 'TSV',
  parquet: 'Parquet',
};

function isDatasetFormat(format: string): format is DatasetFormat {
  return Object.hasOwn(FORMAT_NAMES, format);
}

/** The name of `format` as stored on a dataset record; records from before formats were kept were JSON Lines. */
export function nameDatasetFormat(format: string | undefined): string {
  const known = format ?? 'jsonl';
  return isDatasetFormat(known) ? FORMAT_NAMES[known] : known;
}
