// Word ids during an import: the same whatever seed the numbering's hashes start from.
import { describe, expect, it } from 'vitest';
import { createWordNumbering } from '../../../lib/library/word-numbering';
import { normalizeText, WORD_PATTERN } from '../../../lib/transcript/search';
import { SAMPLE_ROWS } from '../../fixtures/sample';

// The sample's texts, then 20,000 distinct pieces (the table grows several times) with the sample's words between them.
const texts = [
  ...SAMPLE_ROWS.map((row) => row.text),
  ...Array.from({ length: 400 }, (_, t) => Array.from({ length: 50 }, (__, k) => `w${t * 50 + k}x the, Model`).join(' ')),
];

/** Ids as the panel reads a text: its pattern over the text, each word folded, numbered as first seen; and each text's distinct ids. */
function expectedIds(of: readonly string[] = texts): { ids: number[]; distinct: number[]; words: string[] } {
  const idByWord = new Map<string, number>();
  const distinct: number[] = [];
  const ids = of.flatMap((text) => {
    const textIds = [...text.matchAll(WORD_PATTERN)].map((match) => {
      const word = normalizeText(match[0]);
      if (!idByWord.has(word)) idByWord.set(word, idByWord.size);
      return idByWord.get(word)!;
    });
    distinct.push(...new Set(textIds));
    return textIds;
  });
  return { ids, distinct, words: [...idByWord.keys()] };
}

function numberAll(seed?: readonly [number, number], of: readonly string[] = texts): { ids: number[]; distinct: number[]; words: string[] } {
  const numbering = createWordNumbering(seed && { seed });
  for (const text of of) numbering.numberWords(text);
  const { tokens, distinct } = numbering.batch();
  return { ids: [...tokens], distinct: [...distinct], words: [...numbering.words] };
}

describe('createWordNumbering', () => {
  const expected = expectedIds();

  it.each([
    ['no seed given (one drawn)', undefined],
    ['seed 0, 0', [0, 0] as const],
    ['seed -1, 1', [-1, 1] as const],
    ['seed 0x7fffffff, -0x80000000', [0x7fff_ffff, -0x8000_0000] as const],
  ])('numbers every word as first seen, with %s', (_name, seed) => {
    expect(numberAll(seed)).toEqual(expected);
  });
});

describe('createWordNumbering beyond ASCII', () => {
  // Pieces are read as UTF-8 bytes, two at a time: odd and even lengths, every width of character, and text that is not UTF-16 at all.
  const mixed = [
    'café naïve Straße δέλτα 東京 𝐀𝐁 x',
    'Café, CAFÉ café! naïve… δέλτα; 東京タワー',
    '  leading and trailing  spaces,   many   between  ',
    'tabs\tand\nnew lines\tinside pieces',
    'a lone \ud800 high and \udc00 low surrogate, and a\ud800b',
    'emoji 🙂 between 🙂words🙂 and ünïcödé',
    'x',
    '',
    'ab abc abcd abcde é éé ééé',
    'plain words first, and only the last one is café',
    // "ũ" is U+0169: copied as its low byte it would read as "i".
    'i',
    'ũ',
  ];

  it.each([
    ['no seed given', undefined],
    ['seed 0, 0', [0, 0] as const],
  ])('numbers every word as the panel reads it, with %s', (_name, seed) => {
    expect(numberAll(seed, mixed)).toEqual(expectedIds(mixed));
  });
});

describe('createWordNumbering piece by piece', () => {
  // The loop reads 8 bytes a step: every length up to 5 steps, 1- to 4-byte characters, pieces alike but for one byte anywhere.
  const alike = (length: number, char: string): string[] => Array.from({ length }, (_, at) => 'x'.repeat(at) + char + 'x'.repeat(length - at - 1));
  const cases: [string, string[]][] = [
    ['every length from 1 to 40 bytes', Array.from({ length: 40 }, (_, n) => 'abcdefghijklmnopqrstuvwxyz0123456789ABCD'.slice(0, n + 1))],
    ['pieces alike but for one byte, at each place', [...alike(17, 'y'), ...alike(16, 'z'), ...alike(9, 'y')]],
    ['alike but for one wider character', [...alike(12, 'é'), ...alike(12, '東'), ...alike(12, '🙂')]],
    ['words joined by punctuation, and pieces of none', ['a,b,c,d', 'x—y', '...', '—', 'GPT-4o', "don't", 'a.b.c.d.e.f.g.h.i.j']],
    ['very long pieces', ['q'.repeat(1_000), 'q'.repeat(1_001), `${'é'.repeat(5_000)}x`, 'w'.repeat(100_000)]],
  ];

  it.each(cases)('numbers %s as the panel reads them', (_name, pieces) => {
    const asTexts = [pieces.join(' '), [...pieces].reverse().join('   '), pieces.join(' ')];
    expect(numberAll([0, 0], asTexts)).toEqual(expectedIds(asTexts));
  });

  it('numbers new pieces in short texts after a long one (the table grows where the long text was)', () => {
    const after = Array.from({ length: 100 }, (_, t) => Array.from({ length: 100 }, (__, k) => `n${t * 100 + k}`).join(' '));
    const longFirst = ['a b '.repeat(200_000), ...after];
    expect(numberAll(undefined, longFirst)).toEqual(expectedIds(longFirst));
  });

  it.each([
    ['spaces only', ['     ', ' ', '']],
    ['a word between runs of spaces', [`${' '.repeat(1_000)}word${' '.repeat(999)}`, ' word word ']],
  ])('numbers texts of %s', (_name, spaced) => {
    expect(numberAll(undefined, spaced)).toEqual(expectedIds(spaced));
  });

  it('tells apart 30,000 pieces of 3 letters and of 12 from a 4-letter alphabet, whatever the seed', () => {
    const letters = 'abcd';
    const spell = (n: number, length: number): string => Array.from({ length }, (_, k) => letters[Math.floor(n / 4 ** k) % 4]).join('');
    const pieces = [...Array.from({ length: 64 }, (_, n) => spell(n, 3)), ...Array.from({ length: 30_000 }, (_, n) => spell(n * 557, 12))];
    const asTexts = Array.from({ length: 300 }, (_, t) => pieces.slice(t * 101, t * 101 + 101).join(' '));
    const expected = expectedIds(asTexts);
    for (const seed of [[0, 0], [1, 0], [0, 1], [-1, -1]] as const) expect(numberAll(seed, asTexts)).toEqual(expected);
  });
});

describe('a numbering batch', () => {
  it('holds the words numbered since it started; the words keep their ids across batches', () => {
    const numbering = createWordNumbering();
    numbering.numberWords('Alpha beta alpha');
    expect(numbering.tokenCount).toBe(3);
    numbering.startBatch();
    expect([numbering.tokenCount, numbering.distinctCount]).toEqual([0, 0]);
    numbering.numberWords('beta gamma beta');
    numbering.numberWords('gamma alpha');
    expect([...numbering.batch().tokens]).toEqual([1, 2, 1, 2, 0]);
    expect([...numbering.batch().distinct]).toEqual([1, 2, 2, 0]);
    expect(numbering.words).toEqual(['alpha', 'beta', 'gamma']);
  });
});

describe('a numbering batch the size of an import\'s', () => {
  it('numbers 300,000 words of two-word pieces, more than each region first holds', () => {
    const big = [Array.from({ length: 150_000 }, (_, i) => `w${i % 2_000}-x${i % 3}`).join(' ')];
    const numbered = numberAll(undefined, big);
    expect(numbered.ids).toHaveLength(300_000);
    expect(numbered).toEqual(expectedIds(big));
  });
});

// The numbering's memory regions are handed out upwards and never freed, so a
// region asked for too little room spills into its neighbour. These texts are
// cut to the regions' first sizes (1,024 stamps; 2¹⁸ ids and 2¹⁸ distinct ids)
// so that a spill lands in memory still in use.
describe('a numbering at the edges of its memory regions', () => {
  const wordsFrom = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `w${from + i}`).join(' ');

  it('lists a word first seen as the 1,025th among its text\'s distinct words, whatever the memory next to the old stamps held', () => {
    const numbering = createWordNumbering();
    numbering.numberWords(wordsFrom(0, 1_024));
    numbering.startBatch();
    // Text 2 starts with id 2: the batch's first id, next to the old stamps, equals the text's own number.
    numbering.numberWords('w2 new');
    expect([...numbering.batch().tokens]).toEqual([2, 1_024]);
    expect([...numbering.batch().distinct]).toEqual([2, 1_024]);
  });

  it('numbers a text of one-letter words that takes the batch two ids past 2¹⁸', () => {
    // Texts of n one-letter words, 2n - 1 characters long, the longest ones for their count of ids: 261,146 ids, then 1,000 more.
    const letters = (count: number): string => Array.from({ length: count }, (_, i) => 'bcdefghijklmnopqrstuvwxyz'[i % 25]).join(' ');
    const texts = [...Array.from({ length: 261 }, () => letters(1_000)), letters(146), Array(1_000).fill('a').join(' ')];
    expect(numberAll(undefined, texts)).toEqual(expectedIds(texts));
  });

  it('numbers a batch of more than 2¹⁸ distinct ids, text by text', () => {
    const texts = Array.from({ length: 270 }, () => wordsFrom(0, 1_000));
    const numbered = numberAll(undefined, texts);
    expect(numbered.distinct).toHaveLength(270_000);
    expect(numbered).toEqual(expectedIds(texts));
  });
});
