import { describe, expect, it } from 'vitest';
import { encodeIndexPart, type PartWords } from '../../../lib/library/index-part';
import { decodeDocs } from '../../../lib/library/read-part';

/** A part of `docCount` docs where word 0 is in `docs` (once each, plus a repeat) and word 1 in every doc. */
function partWords(docCount: number, docs: readonly number[]): PartWords {
  const docStarts = new Uint32Array(docCount + 1);
  const distinctStarts = new Uint32Array(docCount + 1);
  const ids: number[] = [];
  const distinct: number[] = [];
  for (let doc = 0, k = 0; doc < docCount; doc += 1) {
    docStarts[doc] = ids.length;
    distinctStarts[doc] = distinct.length;
    if (docs[k] === doc) {
      ids.push(0, 1, 0);
      distinct.push(0, 1);
      k += 1;
    } else {
      ids.push(1);
      distinct.push(1);
    }
  }
  docStarts[docCount] = ids.length;
  distinctStarts[docCount] = distinct.length;
  return { ids: Uint32Array.from(ids), docStarts, distinct: Uint32Array.from(distinct), distinctStarts, vocabularySize: 3 };
}

describe('encodeIndexPart', () => {
  it.each([
    // The first gap counts from -1.
    ['1-byte gaps', 300, [0, 1, 128], 1 + 1 + 1],
    ['2-byte gaps', 20_000, [127, 127 + 16_383], 2 + 2],
    ['3-byte gaps', 2_113_536, [16_383, 16_383 + 2_097_151], 3 + 3],
  ])('keeps a word\'s docs as varint gaps: %s', (_case, docCount, docs, bytes) => {
    const part = encodeIndexPart({ sourceId: 'ds', part: 0, firstDoc: 10 }, partWords(docCount, docs));
    // Word 2 is in no doc: it has no list.
    expect([...part.postingWords]).toEqual([0, 1]);
    expect(part.postingStart[1]! - part.postingStart[0]!).toBe(bytes);
    const into = new Uint32Array(docCount);
    expect([...into.subarray(0, decodeDocs([part], 0, into, 0))]).toEqual(docs.map((doc) => doc + 10));
    expect(decodeDocs([part], 1, into, 0)).toBe(docCount);
    expect(into[docCount - 1]).toBe(docCount - 1 + 10);
  });

  it('keeps the docs\' words in order, 16 bits while the ids fit, and where each doc starts', () => {
    const part = encodeIndexPart({ sourceId: 'ds', part: 2, firstDoc: 0 }, partWords(3, [1]));
    expect(part).toMatchObject({ sourceId: 'ds', part: 2, firstDoc: 0, docCount: 3 });
    expect(part.tokens).toBeInstanceOf(Uint16Array);
    expect([...part.tokens]).toEqual([1, 0, 1, 0, 1]);
    expect([...part.tokenStart]).toEqual([0, 1, 4, 5]);
    const wide = encodeIndexPart({ sourceId: 'ds', part: 0, firstDoc: 0 }, { ...partWords(3, [1]), vocabularySize: 0x10001 });
    expect(wide.tokens).toBeInstanceOf(Uint32Array);
    expect(encodeIndexPart({ sourceId: 'ds', part: 0, firstDoc: 0 }, { ...partWords(3, [1]), vocabularySize: 0x10000 }).tokens).toBeInstanceOf(Uint16Array);
  });
});
