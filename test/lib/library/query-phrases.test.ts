// Where the index finds a phrase, as a mutation run showed untested: in a part
// after the first, never across the end of a segment, and after an earlier
// word of the query was changed rather than typed on.
import { describe, expect, it } from 'vitest';
import { assembleLibraryIndex, buildLibraryIndex, createLibraryIndexBuilder, type LibraryIndex } from '../../../lib/library/library-index';
import { createIndexQuery, type IndexMatches } from '../../../lib/library/query-index';
import { buildTranscript } from './transcript-fixture';

const videoIdsOf = (index: LibraryIndex, matches: IndexMatches | undefined): string[] =>
  matches?.videos.map(({ video }) => index.videos[video]!.videoId) ?? [];

describe('the exact phrase', () => {
  it('is found in every part of an index built batch by batch, at a part\'s first segment too', () => {
    const builder = createLibraryIndexBuilder('ds');
    const parts = [
      builder.add([buildTranscript('aaaaaaaaaaa', ['alpha and beta', 'nothing here'])]),
      builder.add([buildTranscript('bbbbbbbbbbb', ['alpha beta']), buildTranscript('ccccccccccc', ['so alpha and then beta', 'or alpha beta'])]),
    ];
    const index = assembleLibraryIndex(builder.finish(), parts)!;
    expect(videoIdsOf(index, createIndexQuery(index)('alpha beta'))).toEqual(['ccccccccccc', 'bbbbbbbbbbb', 'aaaaaaaaaaa']);
  });

  it('is found in a video right after another that holds it, so tied videos stay in dataset order', () => {
    const index = buildLibraryIndex('ds', [
      buildTranscript('aaaaaaaaaaa', ['alpha beta']),
      buildTranscript('bbbbbbbbbbb', ['alpha beta']),
      buildTranscript('ccccccccccc', ['alpha beta']),
      buildTranscript('ddddddddddd', ['alpha beta']),
    ]);
    expect(videoIdsOf(index, createIndexQuery(index)('alpha beta'))).toEqual(['aaaaaaaaaaa', 'bbbbbbbbbbb', 'ccccccccccc', 'ddddddddddd']);
  });

  it('never runs on into the next segment', () => {
    // c's first segment ends with "alpha" and its second starts with "beta": two segments, no phrase.
    const index = buildLibraryIndex('ds', [
      buildTranscript('aaaaaaaaaaa', ['alpha or beta', 'beta too']),
      buildTranscript('ccccccccccc', ['beta then alpha', 'beta again']),
    ]);
    expect(videoIdsOf(index, createIndexQuery(index)('alpha beta'))).toEqual(['aaaaaaaaaaa', 'ccccccccccc']);
  });
});

describe('a query changed in an earlier word', () => {
  const index = buildLibraryIndex('ds', [
    buildTranscript('aaaaaaaaaaa', ['gamma or beta', 'alpha, delta and gamma']),
    buildTranscript('bbbbbbbbbbb', ['gamma beta']),
    buildTranscript('ccccccccccc', ['alpha beta', 'alpha beta gamma']),
    buildTranscript('ddddddddddd', ['alpha delta gamma']),
  ]);

  it.each([
    ['alpha beta', 'gamma beta'],
    ['alpha beta gamma', 'alpha delta gamma'],
  ])('ranks "%s" then "%s" as the second typed afresh', (first, second) => {
    const query = createIndexQuery(index);
    query(first);
    expect(videoIdsOf(index, query(second))).toEqual(videoIdsOf(index, createIndexQuery(index)(second)));
  });

  it('finds the phrase of the changed query', () => {
    expect(videoIdsOf(index, createIndexQuery(index)('gamma beta'))[0]).toBe('bbbbbbbbbbb');
    expect(videoIdsOf(index, createIndexQuery(index)('alpha delta gamma'))[0]).toBe('ddddddddddd');
  });
});
