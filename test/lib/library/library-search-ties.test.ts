// Library search cases a mutation run showed untested: two spellings of one
// word in a segment, the cut of a video's hits, ties between indexes, and an
// index added under the same query.
import { describe, expect, it } from 'vitest';
import { buildLibraryIndex, type LibraryIndex } from '../../../lib/library/library-index';
import { createLibrarySearch, type LibrarySearchResult, type LibrarySource } from '../../../lib/library/library-search';
import type { Transcript } from '../../../lib/transcript/types';
import { buildTranscript } from './transcript-fixture';

/** A source of one index per list of transcripts, or of what `current()` says at each search. */
function sourceOf(sources: ReadonlyArray<readonly Transcript[]>, current?: () => readonly LibraryIndex[]): LibrarySource {
  const indexes = sources.map((transcripts, i) => buildLibraryIndex(`source-${i}`, transcripts));
  return {
    loadIndexes: () => Promise.resolve(current ? current() : indexes),
    loadSegments: (sourceId, videoIds) => {
      const all = sources.flat().filter((t) => videoIds.includes(t.video.videoId));
      return Promise.resolve(new Map(all.map((t) => [t.video.videoId, t.segments])));
    },
  };
}

function hitsOf(result: LibrarySearchResult): Array<[string, number[]]> {
  if (result.status !== 'found') throw new Error(`expected results, got ${result.status}`);
  return result.videos.map((video) => [video.videoId, video.hits.map((hit) => hit.segmentIndex)]);
}

const PAGE = { videoLimit: 10, hitsPerVideo: 5 };

describe('library search: a segment holding two spellings of the query word', () => {
  // "model" typed last is also completed to "models": a segment holding "model" itself beats one holding only "models".
  const library = [
    buildTranscript('aaaaaaaaaaa', ['the models are here']),
    buildTranscript('bbbbbbbbbbb', ['the model and its models']),
    // Its second segment's worst spelling (modelled) is worse than the first's only one (models): its best one counts.
    buildTranscript('ccccccccccc', ['models are here', 'a model, modelled']),
  ];

  it.each([
    // Video c first for its two matching segments (its best one ties with b's).
    ['model', [['ccccccccccc', [1, 0]], ['bbbbbbbbbbb', [0]], ['aaaaaaaaaaa', [0]]]],
    ['the model', [['bbbbbbbbbbb', [0]], ['aaaaaaaaaaa', [0]], ['ccccccccccc', [1, 0]]]],
  ])('ranks "%s" by the closer spelling', async (query, expected) => {
    expect(hitsOf(await createLibrarySearch(sourceOf([library])).search(query, PAGE))).toEqual(expected);
  });
});

describe('library search: the hits shown per video', () => {
  it('shows as many hits as asked, the best first, wherever the best segment is', async () => {
    // The exact phrase is the second segment; the others hold both words apart.
    const library = [
      buildTranscript('aaaaaaaaaaa', ['neural and network', 'a neural network', 'network or neural', 'neural but network']),
    ];
    const result = await createLibrarySearch(sourceOf([library])).search('neural network', { videoLimit: 1, hitsPerVideo: 2 });
    // Then the tightest of the others: "network or neural" is a character shorter than "neural and network".
    expect(hitsOf(result)).toEqual([['aaaaaaaaaaa', [1, 2]]]);
  });
});

describe('library search over two indexes', () => {
  it('ranks a phrase that repeats a word ("bye bye") first, in its video and among videos, as the panel does', async () => {
    const library = [
      buildTranscript('aaaaaaaaaaa', ['bye for now', 'bye and bye']),
      buildTranscript('bbbbbbbbbbb', ['bye for now', 'so we say bye bye to it']),
    ];
    const result = await createLibrarySearch(sourceOf([library])).search('bye bye', PAGE);
    expect(hitsOf(result)).toEqual([
      ['bbbbbbbbbbb', [1, 0]],
      // Neither segment holds the phrase ("bye and bye"): they tie, in text order.
      ['aaaaaaaaaaa', [0, 1]],
    ]);
    expect(result.status === 'found' && result.videos[0]!.hits[0]!.isExactPhrase).toBe(true);
  });

  it('puts the video with more matching segments first when the best ones tie, whichever index it is in', async () => {
    const dataset = [buildTranscript('aaaaaaaaaaa', ['attention please'])];
    const captions = [buildTranscript('bbbbbbbbbbb', ['attention please', 'more attention'])];
    const result = await createLibrarySearch(sourceOf([dataset, captions])).search('attention', PAGE);
    expect(hitsOf(result).map(([videoId]) => videoId)).toEqual(['bbbbbbbbbbb', 'aaaaaaaaaaa']);
  });

  it('searches an index that appeared since the same query was last asked', async () => {
    const dataset = [buildTranscript('aaaaaaaaaaa', ['attention please'])];
    const captions = [buildTranscript('bbbbbbbbbbb', ['attention please', 'more attention'])];
    const both = [buildLibraryIndex('source-0', dataset), buildLibraryIndex('source-1', captions)];
    let shown = both.slice(0, 1);
    const search = createLibrarySearch(sourceOf([dataset, captions], () => shown));
    expect(hitsOf(await search.search('attention', PAGE)).map(([videoId]) => videoId)).toEqual(['aaaaaaaaaaa']);
    shown = both;
    expect(hitsOf(await search.search('attention', PAGE)).map(([videoId]) => videoId)).toEqual(['bbbbbbbbbbb', 'aaaaaaaaaaa']);
  });

  it('searches the new index when one was replaced (the captions cache changed) under the same query', async () => {
    const dataset = [buildTranscript('aaaaaaaaaaa', ['attention please'])];
    const captions = [buildTranscript('bbbbbbbbbbb', ['attention please', 'more attention'])];
    const before = [buildLibraryIndex('source-0', dataset), buildLibraryIndex('source-1', [buildTranscript('ccccccccccc', ['nothing to see'])])];
    let shown = before;
    const search = createLibrarySearch(sourceOf([dataset, captions], () => shown));
    expect(hitsOf(await search.search('attention', PAGE)).map(([videoId]) => videoId)).toEqual(['aaaaaaaaaaa']);
    shown = [before[0]!, buildLibraryIndex('source-1', captions)];
    expect(hitsOf(await search.search('attention', PAGE)).map(([videoId]) => videoId)).toEqual(['bbbbbbbbbbb', 'aaaaaaaaaaa']);
  });
});

describe('library search: a word said twice in a segment', () => {
  it('marks both', async () => {
    const result = await createLibrarySearch(sourceOf([[buildTranscript('aaaaaaaaaaa', ['train it, then train it again'])]])).search('train', PAGE);
    if (result.status !== 'found') throw new Error(result.status);
    expect(result.videos[0]!.hits[0]!.ranges).toEqual([
      [0, 5],
      [15, 20],
    ]);
  });
});
