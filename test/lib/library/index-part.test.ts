import { describe, expect, it } from 'vitest';
import type { PartWords } from '../../../lib/library/index-part';
import { createPartEncoder } from '../../../lib/library/part-encoder';
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

describe('encoding a part', () => {
  const encodeIndexPart = createPartEncoder();

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

/** Each word's docs in a part, written out plainly: what the postings must decode to. */
function docsByWord({ distinct, distinctStarts }: PartWords, firstDoc: number): Map<number, number[]> {
  const docs = new Map<number, number[]>();
  for (let doc = 0; doc + 1 < distinctStarts.length; doc += 1) {
    for (let k = distinctStarts[doc]!; k < distinctStarts[doc + 1]!; k += 1) docs.set(distinct[k]!, [...(docs.get(distinct[k]!) ?? []), firstDoc + doc]);
  }
  return docs;
}

/** Docs of random distinct words out of `vocabularySize`, some docs with none. */
function randomPartWords(docCount: number, vocabularySize: number, seed: number): PartWords {
  let state = seed;
  const next = (below: number): number => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return (state >>> 8) % below;
  };
  const distinctStarts = new Uint32Array(docCount + 1);
  const distinct: number[] = [];
  for (let doc = 0; doc < docCount; doc += 1) {
    distinctStarts[doc] = distinct.length;
    distinct.push(...new Set(Array.from({ length: next(6) }, () => next(vocabularySize))));
  }
  distinctStarts[docCount] = distinct.length;
  const ids = Uint32Array.from(distinct);
  return { ids, docStarts: distinctStarts.slice(), distinct: ids, distinctStarts, vocabularySize };
}

describe('an encoder used part after part (its memory reused)', () => {
  it.each([
    // A large part first, so that a smaller one after it would show anything left over.
    ['a large part, then a small one', [[3_000, 5_000], [40, 7]]],
    ['a small part, then a large one, then an empty one', [[10, 3], [2_000, 70_000], [0, 70_000]]],
    ['a vocabulary past 16 bits', [[500, 0x10001 + 40]]],
  ])('holds exactly the docs of each word of each part: %s', (_case, parts) => {
    const encode = createPartEncoder();
    parts.forEach(([docCount, vocabularySize], i) => {
      const words = randomPartWords(docCount!, vocabularySize!, 17 + i);
      const expected = docsByWord(words, 100 * i);
      const part = encode({ sourceId: 'ds', part: i, firstDoc: 100 * i }, words);
      expect([...part.postingWords]).toEqual([...expected.keys()].sort((a, b) => a - b));
      const into = new Uint32Array(Math.max(1, docCount!));
      for (const [word, docs] of expected) expect([...into.subarray(0, decodeDocs([part], word, into, 0))], `word ${word}`).toEqual(docs);
      // The gaps end where the last word's end: nothing unused is kept.
      expect(part.postingStart[part.postingWords.length]).toBe(part.postingDocs.length);
    });
  });
});
