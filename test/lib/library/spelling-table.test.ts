import { describe, expect, it } from 'vitest';
import { hashSpelling, scanWords } from '../../../lib/library/scan-words';
import { createSpellingTable } from '../../../lib/library/spelling-table';

describe('createSpellingTable', () => {
  it('finds a spelling inside a longer text by its hash, and misses what it was not given', () => {
    const table = createSpellingTable();
    table.add('sampling', hashSpelling('sampling'), 7);
    const text = 'negative sampling, samplings';
    expect(table.find(text, 9, 17, hashSpelling(text, 9, 17))).toBe(7);
    expect(table.find(text, 19, 28, hashSpelling(text, 19, 28))).toBe(-1);
    expect(table.find(text, 0, 8, hashSpelling(text, 0, 8))).toBe(-1);
  });

  it('tells apart spellings whose hashes collide', () => {
    const table = createSpellingTable();
    table.add('alpha', 42, 1);
    table.add('omega', 42, 2);
    expect(table.find('alpha', 0, 5, 42)).toBe(1);
    expect(table.find('omega', 0, 5, 42)).toBe(2);
    expect(table.find('gamma', 0, 5, 42)).toBe(-1);
  });

  it('keeps every spelling as it grows past its first size', () => {
    const table = createSpellingTable();
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i.toString(36)}`);
    words.forEach((word, id) => table.add(word, hashSpelling(word), id));
    expect(words.map((word) => table.find(word, 0, word.length, hashSpelling(word)))).toEqual(words.map((_, id) => id));
  });
});

describe('scanWords hashes', () => {
  it.each(["don't stop", 'naïve café', 'x 𝑥 y', 'l’été'])('gives each word of %j the hash of its code units', (text) => {
    const found: Array<[string, number]> = [];
    scanWords(text, (start, end, hash) => found.push([text.slice(start, end), hash]));
    expect(found.length).toBeGreaterThan(0);
    for (const [word, hash] of found) expect(hash).toBe(hashSpelling(word));
  });
});
