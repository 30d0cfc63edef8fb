import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../../lib/dataset/line-splitter';

/** What the splitter hands out for `text` fed `size` characters at a time: lines, and `null` for each line over the cap. */
function split(text: string, { size = text.length, maxChars = 10 } = {}): (string | null)[] {
  const out: (string | null)[] = [];
  const splitter = new LineSplitter(maxChars, { onLine: (line) => out.push(line), onTooLong: () => out.push(null) });
  for (let i = 0; i < text.length; i += size) splitter.push(text.slice(i, i + size));
  splitter.finish();
  return out;
}

describe('LineSplitter', () => {
  it.each([
    ['lines with a final break', 'ab\ncd\n', ['ab', 'cd']],
    ['a last line without a break', 'ab\ncd', ['ab', 'cd']],
    ['blank lines stay lines', 'a\n\nb\n', ['a', '', 'b']],
    ['CRLF keeps the CR for the reader to trim', 'a\r\nb\r\n', ['a\r', 'b\r']],
    ['a line of exactly the cap', `${'x'.repeat(10)}\ny`, ['x'.repeat(10), 'y']],
    ['a line one over the cap', `${'x'.repeat(11)}\ny`, [null, 'y']],
    ['an endless last line', 'ok\n'.concat('x'.repeat(50)), ['ok', null]],
    ['nothing', '', []],
  ])('%s', (_label, text, expected) => {
    expect(split(text)).toEqual(expected);
    expect(split(text, { size: 1 })).toEqual(expected);
    expect(split(text, { size: 3 })).toEqual(expected);
  });

  it('counts every over-long line on its own', () => {
    expect(split(`${'x'.repeat(30)}\n${'y'.repeat(30)}\nz`, { size: 4 })).toEqual([null, null, 'z']);
  });

  it('reads a long line split across many chunks whole', () => {
    const line = Array.from({ length: 1_000 }, (_, i) => `w${i}`).join(' ');
    expect(split(`${line}\nnext`, { size: 7, maxChars: 1 << 20 })).toEqual([line, 'next']);
  });
});
