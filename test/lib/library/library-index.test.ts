import { describe, expect, it } from 'vitest';
import { buildLibraryIndex, createLibraryIndexBuilder, isLibraryIndex } from '../../../lib/library/library-index';
import { scanWords } from '../../../lib/library/scan-words';
import type { Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

function transcript(videoId: string, texts: string[]): Transcript {
  return {
    video: { videoId: videoId as VideoId, title: videoId, thumbnail: '', segmentCount: texts.length, duration: 0 },
    segments: texts.map((text, i) => ({ start: i, end: i + 1, text })),
  };
}

function words(text: string): string[] {
  const found: string[] = [];
  scanWords(text, (start, end) => found.push(text.slice(start, end)));
  return found;
}

describe('scanWords', () => {
  it.each([
    ['plain words', 'the model learns', ['the', 'model', 'learns']],
    ['punctuation between', 'dataset, bias.  (really?)', ['dataset', 'bias', 'really']],
    ['inner apostrophes, straight and curly', "don't it’s rock'n'roll", ["don't", 'it’s', "rock'n'roll"]],
    ['apostrophes at the edges', "'quoted' students' 'n", ['quoted', 'students', 'n']],
    ['digits', 'GPT-4 has 175B parameters in 2020', ['GPT', '4', 'has', '175B', 'parameters', 'in', '2020']],
    ['letters beyond ASCII', 'café naïve Straße δέλτα 東京', ['café', 'naïve', 'Straße', 'δέλτα', '東京']],
    ['letters outside the basic plane', '𝐀𝐁 x', ['𝐀𝐁', 'x']],
  ])('finds %s', (_case, text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it.each([
    ['punctuation only', '?!… -- ...'],
    ['empty', ''],
    ['apostrophes alone', "' ’ ''"],
    ['combining marks alone', '\u0301\u0301'],
  ])('finds nothing in %s', (_case, text) => {
    expect(words(text)).toEqual([]);
  });
});

describe('buildLibraryIndex', () => {
  const index = buildLibraryIndex('ds', [
    transcript('aaaaaaaaaaa', ['Bias bias model', 'data']),
    transcript('bbbbbbbbbbb', ['model Data']),
  ]);

  it('keeps the vocabulary normalized, distinct and sorted', () => {
    expect(index.words).toEqual(['bias', 'data', 'model']);
  });

  it('lists each word\'s segments once, in order', () => {
    const postings = index.words.map((_, w) => [...index.postingDocs.subarray(index.postingStart[w], index.postingStart[w + 1])]);
    expect(postings).toEqual([[0], [1, 2], [0, 2]]);
  });

  it('keeps each segment\'s words in order, and its video', () => {
    const tokens = [0, 1, 2].map((doc) => [...index.tokens.subarray(index.tokenStart[doc], index.tokenStart[doc + 1])]);
    expect(tokens).toEqual([[0, 0, 2], [1], [2, 1]]);
    expect([...index.docVideo]).toEqual([0, 0, 1]);
    expect([...index.videoFirstDoc]).toEqual([0, 2, 3]);
  });

  it('is the same built in batches as in one go', () => {
    const builder = createLibraryIndexBuilder('ds');
    builder.add([transcript('aaaaaaaaaaa', ['Bias bias model', 'data'])]);
    builder.add([transcript('bbbbbbbbbbb', ['model Data'])]);
    expect(builder.finish()).toEqual(index);
  });

  it('is recognised after a structured clone, and a stale or foreign record is not', () => {
    expect(isLibraryIndex(structuredClone(index))).toBe(true);
    expect(isLibraryIndex({ ...index, version: 0 })).toBe(false);
    expect(isLibraryIndex({ ...index, tokens: [...index.tokens] })).toBe(false);
    expect(isLibraryIndex(undefined)).toBe(false);
  });
});

describe('scanWords against the panel\'s WORD_PATTERN', () => {
  it('finds the same words in every row of the bundled sample', async () => {
    const { WORD_PATTERN } = await import('../../../lib/transcript/search');
    const { readFileSync } = await import('node:fs');
    const texts = readFileSync('public/sample.jsonl', 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { text: string }).text);
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(words(text)).toEqual([...text.matchAll(WORD_PATTERN)].map((match) => match[0]));
  });
});
