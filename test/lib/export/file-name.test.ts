import { describe, expect, it } from 'vitest';
import { buildFileName, MAX_BASE_NAME_BYTES } from '../../../lib/export/file-name';

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

describe('buildFileName', () => {
  it.each([
    ['[Classic] Word2Vec: Distributed Representations', '[Classic] Word2Vec Distributed Representations.srt'],
    ['What is 1/2? A "quick" <intro> | part*1\\2', 'What is 1 2 A quick intro part 1 2.srt'],
    ['  spaced   out\ttitle  ', 'spaced out title.srt'],
    ['...hidden', 'hidden.srt'],
    ['ends with dots...', 'ends with dots.srt'],
    ['ends with a space and dot .', 'ends with a space and dot.srt'],
    ['CON', '_CON.srt'],
    ['nul', '_nul.srt'],
    ['COM1', '_COM1.srt'],
    ['lpt9.notes', '_lpt9.notes.srt'],
    ['COM¹', '_COM¹.srt'],
    ['CONSOLE', 'CONSOLE.srt'],
    ['Falcon', 'Falcon.srt'],
    ['recon.notes', 'recon.notes.srt'],
    ['aux 2', 'aux 2.srt'],
    ['Ça va? 日本語 🎉', 'Ça va 日本語 🎉.srt'],
    ['evil\u202Egnp.exe', 'evil gnp.exe.srt'],
    ['tab\u0000and\u001fcontrols', 'tab and controls.srt'],
    ['', 'yexR53My2O4.srt'],
    ['???', 'yexR53My2O4.srt'],
    ['. .', 'yexR53My2O4.srt'],
  ])('%j → %j', (title, expected) => {
    expect(buildFileName(title, 'yexR53My2O4', 'srt')).toBe(expected);
  });

  it('composes a decomposed accent (NFC), as macOS would store it', () => {
    expect(buildFileName('Cafe\u0301', 'id', 'md')).toBe('Caf\u00e9.md');
  });

  it.each([
    ['ASCII', 'a'.repeat(400)],
    ['3-byte characters', '語'.repeat(200)],
    ['emoji (surrogate pairs)', '🎉'.repeat(100)],
  ])('keeps a long title of %s under the byte limit, whole characters only', (_name, title) => {
    const name = buildFileName(title, 'id', 'txt');
    expect(name.endsWith('.txt')).toBe(true);
    const base = name.slice(0, -'.txt'.length);
    expect(utf8Length(base)).toBeLessThanOrEqual(MAX_BASE_NAME_BYTES);
    expect(utf8Length(base)).toBeGreaterThan(MAX_BASE_NAME_BYTES - 4);
    expect(title.startsWith(base)).toBe(true);
    expect(base).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u);
  });

  it('keeps a title of exactly the byte limit whole', () => {
    expect(buildFileName('a'.repeat(MAX_BASE_NAME_BYTES), 'id', 'md')).toBe(`${'a'.repeat(MAX_BASE_NAME_BYTES)}.md`);
    expect(buildFileName('a'.repeat(MAX_BASE_NAME_BYTES + 1), 'id', 'md')).toBe(`${'a'.repeat(MAX_BASE_NAME_BYTES)}.md`);
  });

  it('cuts a long title so no trailing space or dot is left', () => {
    const title = `${'a'.repeat(MAX_BASE_NAME_BYTES - 1)} b`;
    expect(buildFileName(title, 'id', 'md')).toBe(`${'a'.repeat(MAX_BASE_NAME_BYTES - 1)}.md`);
  });
});
