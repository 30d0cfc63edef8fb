import { describe, expect, it } from 'vitest';
import { nameDatasetFormat } from '../../../lib/dataset/format-name';

describe('nameDatasetFormat', () => {
  it.each([
    ['jsonl', 'JSON Lines'],
    ['json-array', 'JSON array'],
    ['json', 'JSON'],
    ['csv', 'CSV'],
    ['tsv', 'TSV'],
    ['parquet', 'Parquet'],
    [undefined, 'JSON Lines'],
  ])('names %s "%s"', (format, name) => {
    expect(nameDatasetFormat(format)).toBe(name);
  });

  it('passes an unknown format through rather than guessing', () => {
    expect(nameDatasetFormat('xml')).toBe('xml');
    expect(nameDatasetFormat('toString')).toBe('toString');
  });
});
