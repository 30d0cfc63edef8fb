import { describe, expect, it } from 'vitest';
import { TextFormatSniffer, type TextLayout } from '../../../lib/dataset/detect-format';

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
