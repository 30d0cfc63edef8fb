import { describe, expect, it } from 'vitest';
import { isGzip, isParquet, TextFormatSniffer, type TextLayout } from '../../../lib/dataset/detect-format';

/** The layout decided for `text` fed `size` characters at a time, and how much was handed back for the reader. */
function sniff(text: string, size = text.length): { layout: TextLayout | undefined; held: string } {
  const sniffer = new TextFormatSniffer();
  for (let i = 0; i < text.length; i += size) {
    const layout = sniffer.push(text.slice(i, i + size));
    if (layout) return { layout, held: sniffer.takeHeld().join('') };
  }
  return { layout: sniffer.finish(), held: sniffer.takeHeld().join('') };
}

const longLine = `{"id":"yexR53My2O4","segments":[${Array.from({ length: 3_000 }, (_, i) => `{"start":${i},"end":${i + 1},"text":"w ${i}"}`).join(',')}]}`;

describe('TextFormatSniffer', () => {
  it.each([
    ['a JSON array', '[{"a":1}]', { format: 'json-array' }],
    ['a JSON array after blanks and a BOM', '\uFEFF \n [1]', { format: 'json-array' }],
    ['JSON Lines', '{"a":1}\n{"a":2}\n', { format: 'jsonl' }],
    ['one JSON line without a break', '{"a":{"b":[1]}}', { format: 'jsonl' }],
    ['JSON Lines with a first line over 64 KB', `${longLine}\n{"a":2}\n`, { format: 'jsonl' }],
    ['a brace inside a first-line string', '{"a":"}{"}\n{"a":2}', { format: 'jsonl' }],
    ['a pretty-printed object', '{\n  "a": 1\n}\n', { format: 'json' }],
    ['an object that never closes', '{"a": 1', { format: 'json' }],
    ['CSV', 'video_id,text\nabc,hi\n', { format: 'csv', delimiter: ',' }],
    ['semicolon CSV', 'video_id;text\n', { format: 'csv', delimiter: ';' }],
    ['TSV', 'video_id\ttext\tstart\n', { format: 'tsv', delimiter: '\t' }],
    ['a header without a line break', 'video_id\ttext', { format: 'tsv', delimiter: '\t' }],
    ['a JSON array over several lines', '[\n{"a":1},\n{"a":2}\n]\n', { format: 'json-array' }],
    ['a pretty-printed object whose second line closes it', '{"a":1,\n"b":2}\n', { format: 'json' }],
    ['a BOM character inside the first line', '{"a":"\uFEFF"}\n', { format: 'jsonl' }],
    ['a CSV header after a BOM and blank lines', '\uFEFF\n\nvideo_id\ttext\n', { format: 'tsv', delimiter: '\t' }],
    ['a comma header above rows full of semicolons', 'video_id,text\nabc;hi;there;you\n', { format: 'csv', delimiter: ',' }],
  ] as const)('%s', (_label, text, layout) => {
    for (const size of [1, 7, text.length]) {
      const result = sniff(text, size);
      expect(result.layout).toEqual(layout);
      // The reader must still get every character (the BOM aside).
      expect(text.replace(/^\uFEFF/, '').startsWith(result.held)).toBe(true);
    }
  });

  it.each([
    ['nothing', ''],
    ['only blanks', ' \n\t\r\n'],
    ['only a BOM', '\uFEFF'],
  ])('has no layout for %s', (_label, text) => {
    expect(sniff(text, 1).layout).toBeUndefined();
  });

  it('hands the whole text seen to the reader', () => {
    const text = `${longLine}\n{"a":2}\n`;
    expect(sniff(text, 1000).held).toBe(text.slice(0, Math.ceil((longLine.length + 1) / 1000) * 1000));
  });
});

describe('magic bytes', () => {
  it.each([
    ['gzip', [0x1f, 0x8b, 0x08], true, false],
    ['Parquet', [0x50, 0x41, 0x52, 0x31, 0x15], false, true],
    ['a text starting with gzip\'s first byte only', [0x1f, 0x7b], false, false],
    ['a text starting "PAR" but not "PAR1"', [0x50, 0x41, 0x52, 0x54], false, false],
    ['JSON', [0x7b, 0x22], false, false],
  ])('%s', (_label, bytes, gzip, parquet) => {
    const head = new Uint8Array(bytes);
    expect([isGzip(head), isParquet(head)]).toEqual([gzip, parquet]);
  });
});
