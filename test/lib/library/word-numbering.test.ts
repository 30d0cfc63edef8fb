// Word ids during an import: the same whatever seed the numbering's hashes start from.
import { describe, expect, it } from 'vitest';
import { createGrowableUint32 } from '../../../lib/library/growable-array';
import { createWordNumbering } from '../../../lib/library/word-numbering';
import { normalizeText, WORD_PATTERN } from '../../../lib/transcript/search';
import { SAMPLE_ROWS } from '../../fixtures/sample';

// The sample's texts, then 20,000 distinct pieces (the table grows several times) with the sample's words between them.
const texts = [
  ...SAMPLE_ROWS.map((row) => row.text),
  ...Array.from({ length: 400 }, (_, t) => Array.from({ length: 50 }, (__, k) => `w${t * 50 + k}x the, Model`).join(' ')),
];

/** Ids as the panel reads a text: its pattern over the text, each word folded, numbered as first seen. */
function expectedIds(of: readonly string[] = texts): { ids: number[]; words: string[] } {
  const idByWord = new Map<string, number>();
  const ids = of.flatMap((text) =>
    [...text.matchAll(WORD_PATTERN)].map((match) => {
      const word = normalizeText(match[0]);
      if (!idByWord.has(word)) idByWord.set(word, idByWord.size);
      return idByWord.get(word)!;
    }),
  );
  return { ids, words: [...idByWord.keys()] };
}

function numberAll(seed?: readonly [number, number], of: readonly string[] = texts): { ids: number[]; words: string[] } {
  const numbering = createWordNumbering(seed && { seed });
  const into = { tokens: createGrowableUint32(), distinct: createGrowableUint32() };
  for (const text of of) numbering.numberWords(text, into);
  return { ids: [...into.tokens.view()], words: [...numbering.words] };
}

describe('createWordNumbering', () => {
  const expected = expectedIds();

  it.each([
    ['no seed given (one drawn)', undefined],
    ['seed 0, 0', [0, 0] as const],
    ['seed -1, 1', [-1, 1] as const],
    ['seed 0x7fffffff, -0x80000000', [0x7fff_ffff, -0x8000_0000] as const],
  ])('numbers every word as first seen, with %s', (_name, seed) => {
    const { ids, words } = numberAll(seed);
    expect(words).toEqual(expected.words);
    expect(ids).toEqual(expected.ids);
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
  ];

  it.each([
    ['no seed given', undefined],
    ['seed 0, 0', [0, 0] as const],
  ])('numbers every word as the panel reads it, with %s', (_name, seed) => {
    const { ids, words } = numberAll(seed, mixed);
    const expected = expectedIds(mixed);
    expect(words).toEqual(expected.words);
    expect(ids).toEqual(expected.ids);
  });
});
