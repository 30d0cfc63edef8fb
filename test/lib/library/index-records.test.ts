// The index's stored records and its building blocks, where a mutation run
// showed them untested: a record with any field of the wrong type is not
// read, a part keeps its words once the next batch is indexed, a segment
// longer than the buffers is numbered whole, and a few small helpers.
import { describe, expect, it } from 'vitest';
import { pickBestPositions } from '../../../lib/library/describe-hits';
import {
  assembleLibraryIndex,
  buildLibraryIndex,
  createLibraryIndexBuilder,
  isLibraryIndexHeader,
  isLibraryIndexPart,
  splitLibraryIndex,
} from '../../../lib/library/library-index';
import { createIndexQuery, PHRASE_RANK } from '../../../lib/library/query-index';
import { describeSearchTitle } from '../../../lib/library/search-url';
import { createWordNumbering } from '../../../lib/library/word-numbering';
import { buildTranscript } from './transcript-fixture';

describe('stored index records', () => {
  const { header, parts } = splitLibraryIndex(buildLibraryIndex('ds', [buildTranscript('aaaaaaaaaaa', ['alpha beta', 'gamma'])]));
  const part = parts[0]!;

  it.each([
    ['version', 1],
    ['sourceId', 7],
    ['part', '0'],
    ['firstDoc', '0'],
    ['docCount', '2'],
    ['tokenStart', [0, 2, 3]],
    ['tokens', [0, 1, 2]],
    ['postingWords', [0, 1, 2]],
    ['postingStart', [0, 1, 2, 3]],
    ['postingDocs', [0, 0, 1]],
  ])('a part whose %s is %j is not read', (field, value) => {
    expect(isLibraryIndexPart({ ...part, [field]: value })).toBe(false);
  });

  it.each([
    ['version', 1],
    ['sourceId', 7],
    ['videos', {}],
    ['vocabulary', ['alpha']],
    ['partCount', '1'],
    ['videoFirstDoc', [0, 2]],
    ['wordIds', [0, 1, 2]],
  ])('a header whose %s is %j is not read', (field, value) => {
    expect(isLibraryIndexHeader({ ...header, [field]: value })).toBe(false);
  });

  it.each([[null], ['part'], [42]])('%j is neither a part nor a header', (value) => {
    expect(isLibraryIndexPart(value)).toBe(false);
    expect(isLibraryIndexHeader(value)).toBe(false);
  });

  it('reads the records as they are', () => {
    expect(isLibraryIndexPart(part)).toBe(true);
    expect(isLibraryIndexHeader(header)).toBe(true);
  });
});

describe('an index built batch by batch with more than 65,536 words', () => {
  it('keeps a part\'s words once the next batch is indexed: its phrases are still found', () => {
    const builder = createLibraryIndexBuilder('ds');
    const many = Array.from({ length: 700 }, (_, i) => Array.from({ length: 100 }, (_, j) => `w${i * 100 + j}`).join(' '));
    const parts = [
      builder.add([buildTranscript('aaaaaaaaaaa', ['alpha beta', ...many])]),
      builder.add([buildTranscript('bbbbbbbbbbb', ['gamma delta epsilon zeta'])]),
    ];
    const index = assembleLibraryIndex(builder.finish(), parts)!;
    const [best] = createIndexQuery(index)('alpha beta')!.videos;
    expect(best!.bestRank).toBeGreaterThanOrEqual(PHRASE_RANK);
  });
});

describe('word numbering of a text longer than the buffers it first writes to', () => {
  it('keeps the words numbered before it and numbers every one of its own', () => {
    const words = Array.from({ length: 300_000 }, (_, i) => `w${i % 1_000}`);
    const numbering = createWordNumbering();
    numbering.numberWords('first w7 words');
    numbering.numberWords(words.join(' '));
    const own = words.map((_, i) => (i % 1_000 === 7 ? 1 : i % 1_000 < 7 ? 3 + (i % 1_000) : 2 + (i % 1_000)));
    expect([...numbering.batch().tokens]).toEqual([0, 1, 2, ...own]);
    expect([...numbering.batch().distinct]).toEqual([0, 1, 2, ...own.slice(0, 1_000)]);
    expect(numbering.words).toEqual(['first', 'w7', 'words', ...Array.from({ length: 1_000 }, (_, i) => `w${i}`).filter((word) => word !== 'w7')]);
  });
});

describe('pickBestPositions', () => {
  it('finds the best ranks wherever they are', () => {
    expect(pickBestPositions([5, 1, 4, 2, 3], 2)).toEqual([0, 2]);
  });
});

describe('the search page title', () => {
  it('is the plain title for a query of spaces only', () => {
    expect(describeSearchTitle('   ')).toBe('Search all videos');
  });
});
