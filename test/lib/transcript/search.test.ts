import { describe, expect, it } from 'vitest';
import { parseJsonLines } from '../../../lib/dataset/rows';
import { createTranscriptSearch, mergeRanges, tokenizeQuery, wordsStartingWith, type SearchHit } from '../../../lib/transcript/search';
import type { Segment } from '../../../lib/transcript/types';
import { SAMPLE_JSONL } from '../../fixtures/sample';

function segment(text: string, index: number): Segment {
  return { start: index * 25, end: index * 25 + 25, text };
}

function marked(segments: readonly Segment[], hit: SearchHit): string[] {
  return hit.ranges.map(([start, end]) => segments[hit.segmentIndex]!.text.slice(start, end));
}

const FILLER = 'and then we look at what happens next in the following part of the talk '.repeat(5);

describe('createTranscriptSearch', () => {
  const segments = [
    'we talk about dataset collection first',
    'the bias in the model comes from somewhere else',
    `${FILLER}and at the very end of this long segment we finally mention dataset bias`,
    'a dataset can carry a bias that the model learns, the dataset decides',
    'Transformers changed everything for attention',
  ].map(segment);
  const search = createTranscriptSearch(segments).search;

  it('finds a word despite a typo', () => {
    const hits = search('datset');
    expect(hits.map((hit) => hit.segmentIndex).sort()).toEqual([0, 2, 3]);
    expect(marked(segments, hits[0]!)).toContain('dataset');
  });

  it('finds a phrase at the far end of a long segment (no location limit)', () => {
    expect(segments[2]!.text.length).toBeGreaterThan(400);
    const [first] = search('dataset bias');
    expect(first?.segmentIndex).toBe(2);
    expect(first?.isExactPhrase).toBe(true);
    expect(first?.matchOffset).toBe(segments[2]!.text.indexOf('dataset bias'));
  });

  it('ranks segments holding every query word before segments holding one', () => {
    const hits = search('bias datset');
    expect(hits.slice(0, 2).map((hit) => hit.segmentIndex).sort()).toEqual([2, 3]);
    expect(hits.slice(0, 2).every((hit) => hit.matchedWords === 2)).toBe(true);
    expect(hits.slice(2).every((hit) => hit.matchedWords === 1)).toBe(true);
    expect(hits.map((hit) => hit.segmentIndex).sort()).toEqual([0, 1, 2, 3]);
  });

  it('marks every occurrence of the matched words, merged and in order', () => {
    const hit = search('dataset bias').find((h) => h.segmentIndex === 3)!;
    expect(marked(segments, hit)).toEqual(['dataset', 'bias', 'dataset']);
    expect(hit.ranges).toEqual(mergeRanges(hit.ranges));
  });

  it('ranks a segment holding every word first, even when each word is badly misspelt', () => {
    // Four close spellings (and one word missing) against five distant ones: holding the words counts before spelling.
    const texts = [
      'representaton understandng optimisation clasification',
      'klassefikasion genarelisasion upteemisation ondirstonding reprisintatoon',
    ];
    const hits = createTranscriptSearch(texts.map(segment)).search('representation understanding optimization generalization classification');
    expect(hits.map((hit) => [hit.segmentIndex, hit.matchedWords])).toEqual([
      [1, 5],
      [0, 4],
    ]);
  });

  it('jumps to the spoken phrase, not to a tighter cluster of its words elsewhere', () => {
    const text = 'the dataset -- bias, then bias dataset';
    const [hit] = createTranscriptSearch([segment(text, 0)]).search('dataset bias');
    expect(hit).toMatchObject({ isExactPhrase: true, matchOffset: 4 });
  });

  it('starts the jump at the closest cluster of the query words', () => {
    const hit = search('model bias').find((h) => h.segmentIndex === 3)!;
    // "bias that the model": the window from "bias" to "model" is the tightest.
    expect(hit.matchOffset).toBe(segments[3]!.text.indexOf('bias'));
  });

  it('jumps to the first occurrence, whichever spelling of the word it is', () => {
    const text = 'we trained the models first and then the model again';
    const [hit] = createTranscriptSearch([segment(text, 0)]).search('mod');
    expect(hit?.matchOffset).toBe(text.indexOf('models'));
  });

  it('finds the tightest cluster even when the spellings come in another order', () => {
    const text = 'the models and the data and then a model';
    const [hit] = createTranscriptSearch([segment(text, 0)]).search('data mod');
    expect(hit?.matchOffset).toBe(text.indexOf('models'));
  });

  it('finds phrases in accented and non-Latin text, with offsets into the original text', () => {
    const cafe = createTranscriptSearch([segment('latte café here', 0), segment('we had café latte', 1)]).search;
    expect(cafe('café latte')[0]).toMatchObject({ segmentIndex: 1, isExactPhrase: true, matchOffset: 7 });
    const korean = createTranscriptSearch([segment('사람 한국', 0), segment('우리는 한국 사람이다', 1)]).search;
    expect(korean('한국 사람')[0]).toMatchObject({ segmentIndex: 1, isExactPhrase: true });
    const text = 'İİİİ then dataset bias';
    const [hit] = createTranscriptSearch([segment(text, 0)]).search('dataset bias');
    expect(hit?.matchOffset).toBe(text.indexOf('dataset'));
  });

  it('counts a phrase across punctuation, but not one starting mid-word', () => {
    const one = createTranscriptSearch([segment('we fixed the dataset, bias remained', 0)]).search;
    expect(one('dataset bias')[0]?.isExactPhrase).toBe(true);
    const two = createTranscriptSearch([segment('he said the model works', 0)]).search;
    expect(two('he model')[0]?.isExactPhrase).toBe(false);
  });

  it('matches a word while it is still being typed', () => {
    expect(search('transf').map((hit) => hit.segmentIndex)).toEqual([4]);
    expect(marked(segments, search('transf')[0]!)).toEqual(['Transformers']);
  });

  it('ignores case and accents', () => {
    expect(search('TRANSFORMERS')).toHaveLength(1);
    const accented = createTranscriptSearch([segment('un café crème', 0)]).search;
    expect(accented('cafe creme')[0]?.matchedWords).toBe(2);
  });

  it('does not offer spelling variants of a word the video contains', () => {
    // "model" is in the transcript, so "modem"-like variants are not needed; "the" must not match "then".
    const hits = search('the');
    for (const hit of hits) expect(marked(segments, hit).every((text) => text.toLowerCase().startsWith('the'))).toBe(true);
  });

  it.each([
    // Each case: segments, query, hits in the order a user should see them.
    ['the word as said before a longer word it starts', ['the models were big', 'one model and its modelling'], 'model', [1, 0]],
    ['the closest completion of a word being typed first', ['we kept modelling', 'the models'], 'mode', [1, 0]],
    ['a tighter cluster of the words first', ['bias is a property of any dataset', 'a bias in a dataset'], 'dataset bias', [1, 0]],
    ['a phrase at the very start of a segment as a phrase', ['bias dataset', 'dataset bias here'], 'dataset bias', [1, 0]],
    ['equal hits in the order they are spoken', ['a dataset', 'a dataset', 'a dataset', 'a dataset'], 'dataset', [0, 1, 2, 3]],
    ['equal hits in the order they are spoken, whichever word each holds', ['some bias', 'more data', 'a bias', 'the data'], 'data bias', [0, 1, 2, 3]],
  ])('ranks %s', (_case, texts, query, order) => {
    const hits = createTranscriptSearch(texts.map(segment)).search(query);
    expect(hits.map((hit) => hit.segmentIndex)).toEqual(order);
  });

  it.each([
    // Each case: text, query, where the jump starts (the phrase, else the tightest cluster, the first of equals).
    ['the first phrase, though a later one is tighter', 'databases bias, and later data bias', 'data bias', 0],
    ['a later cluster when it is tighter', 'the model we trained, then the data fed the model', 'data model', 31],
    ['the first of two equally tight clusters', 'bias or a dataset x dataset or a bias', 'bias dataset', 0],
  ])('jumps to %s', (_case, text, query, offset) => {
    const [hit] = createTranscriptSearch([segment(text, 0)]).search(query);
    expect(hit?.matchOffset).toBe(offset);
  });

  it('answers nothing for an empty query or a word nowhere near the transcript', () => {
    expect(search('')).toEqual([]);
    expect(search('   ')).toEqual([]);
    expect(search('xylophone')).toEqual([]);
  });
});

describe('search over the real sample', () => {
  const { transcripts } = parseJsonLines(SAMPLE_JSONL);
  const word2vec = transcripts.find((t) => t.video.videoId === 'yexR53My2O4')!;
  const search = createTranscriptSearch(word2vec.segments).search;

  it('puts segments saying the exact phrase first', () => {
    const hits = search('negative sampling');
    expect(hits[0]?.isExactPhrase).toBe(true);
    expect(word2vec.segments[hits[0]!.segmentIndex]!.text.toLowerCase()).toContain('negative sampling');
  });

  it('finds "hierarchical softmax" with a typo in each word', () => {
    const hits = search('hierarchcal sofmax');
    expect(hits[0]?.matchedWords).toBe(2);
    const text = word2vec.segments[hits[0]!.segmentIndex]!.text.toLowerCase();
    expect(text).toContain('hierarchical');
    expect(text).toContain('softmax');
  });
});

describe('helpers', () => {
  it('finds a phrase that repeats a word ("bye bye") before a segment saying the word once', () => {
    const search = createTranscriptSearch([
      { start: 0, end: 5, text: 'bye for now' },
      { start: 5, end: 10, text: 'so we say bye bye to it' },
    ]);
    expect(search.search('bye bye').map(({ segmentIndex, isExactPhrase, matchOffset }) => ({ segmentIndex, isExactPhrase, matchOffset }))).toEqual([
      { segmentIndex: 1, isExactPhrase: true, matchOffset: 10 },
      { segmentIndex: 0, isExactPhrase: false, matchOffset: 0 },
    ]);
  });

  it('tokenizeQuery splits words, folds case, keeps a repeated word in its place', () => {
    expect(tokenizeQuery('  Dataset, BIAS dataset! ')).toEqual(['dataset', 'bias', 'dataset']);
    expect(tokenizeQuery("don't stop")).toEqual(["don't", 'stop']);
  });

  it('mergeRanges sorts and joins overlapping or touching ranges', () => {
    expect(mergeRanges([[10, 12], [0, 3], [2, 5], [5, 7]])).toEqual([[0, 7], [10, 12]]);
    expect(mergeRanges([[2, 5], [0, 10]])).toEqual([[0, 10]]);
  });

  it.each([
    { ranges: [[0, 3], [4, 6], [9, 12]], merged: [[0, 3], [4, 6], [9, 12]] },
    { ranges: [[0, 3], [3, 6]], merged: [[0, 6]] },
    { ranges: [[0, 4], [2, 6], [8, 9]], merged: [[0, 6], [8, 9]] },
    { ranges: [[5, 6]], merged: [[5, 6]] },
    { ranges: [], merged: [] },
  ] as const)('mergeRanges keeps sorted ranges apart as they are and still joins sorted ones that touch: $ranges', ({ ranges, merged }) => {
    expect(mergeRanges(ranges)).toEqual(merged);
  });

  it('wordsStartingWith finds a prefix range in a sorted list', () => {
    const words = ['bias', 'biases', 'big', 'data', 'dataset', 'datasets'];
    expect(wordsStartingWith(words, 'data')).toEqual(['data', 'dataset', 'datasets']);
    expect(wordsStartingWith(words, 'bi')).toEqual(['bias', 'biases', 'big']);
    expect(wordsStartingWith(words, 'z')).toEqual([]);
  });
});
