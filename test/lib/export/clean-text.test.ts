import { describe, expect, it } from 'vitest';
import { toSingleLine } from '../../../lib/export/clean-text';
import { HOSTILE_TEXTS } from './fixtures';

describe('toSingleLine', () => {
  it.each(HOSTILE_TEXTS)('puts %s on one clean line', (_name, text, oneLine) => {
    expect(toSingleLine(text)).toBe(oneLine);
  });

  it.each([
    ['empty', ''],
    ['only whitespace', ' \n\t\r\n '],
    ['only invisible characters', '\u200B\u202E\u0000'],
  ])('leaves nothing of %s', (_name, text) => {
    expect(toSingleLine(text)).toBe('');
  });

  it('keeps letters of every script, emoji and punctuation', () => {
    expect(toSingleLine('Ça va ? 日本語 — “quotes” 🎉')).toBe('Ça va ? 日本語 — “quotes” 🎉');
  });
});
