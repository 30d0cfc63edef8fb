import { describe, expect, it } from 'vitest';
import { createWordMatcher, type MatchOptions } from '../../../lib/transcript/word-match';

const VOCABULARY = [
  'basically', 'bias', 'box', 'characterization', 'data', 'datasets', 'model', 'modelling', 'models',
  'network', 'open', 'optimization', 'the', 'word', 'work',
].sort();

/** The words a query word stands for, best first (as the panel and the library rank them). */
function wordsFor(queryWord: string, options: MatchOptions): string[] {
  return createWordMatcher(VOCABULARY)
    .match(queryWord, options)
    .sort((a, b) => a.score - b.score)
    .map(({ index }) => VOCABULARY[index]!);
}

describe('createWordMatcher', () => {
  it.each([
    // A word the video holds is what the user meant: no spelling variants ("work" is not "word").
    ['work', ['work'], ['word', 'network']],
    ['bias', ['bias'], ['basically']],
    // Corrections are about as long as the typo: up to two letters for a short word…
    ['modl', ['model', 'models'], ['modelling']],
    // …a quarter of its length for a long one.
    ['optimzatn', ['optimization'], []],
    ['charactrizatn', ['characterization'], []],
    // Three letters are enough for a correction.
    ['bis', ['bias'], ['basically']],
    // Two are not: "ox" would find "box".
    ['ox', [], ['box']],
  ])('a finished word %j stands for %j', (query, expected, mustNotMatch) => {
    const words = wordsFor(query, { prefix: false });
    expect(words.sort()).toEqual(expected);
    for (const word of mustNotMatch) expect(words).not.toContain(word);
  });

  it('while a word is typed, offers the words it starts, the closest to what is typed first', () => {
    expect(wordsFor('mod', { prefix: true })).toEqual(['model', 'models', 'modelling']);
    expect(wordsFor('model', { prefix: true })).toEqual(['model', 'models', 'modelling']);
  });

  it('ranks the word as typed before the words it starts, and those before corrections', () => {
    const matcher = createWordMatcher(VOCABULARY);
    const [exact] = matcher.match('model', { prefix: true }).filter(({ index }) => VOCABULARY[index] === 'model');
    const completions = matcher.match('model', { prefix: true }).filter(({ index }) => VOCABULARY[index] !== 'model');
    const corrections = matcher.match('modl', { prefix: false });
    expect(exact?.score).toBe(0);
    expect(Math.max(...completions.map(({ score }) => score))).toBeLessThan(Math.min(...corrections.map(({ score }) => score)));
  });
});
