import { describe, expect, it } from 'vitest';
import { compareRankedHits, sortRankedHits, type RankedHit } from '../../../lib/transcript/rank-hit';
import { createRandom } from '../../bench/shared/random';

/** Hits with few distinct figures, so ties on every figure but the segment are common. */
function randomHits(count: number, seed: number, { scoreSums = [0, 0.05, 0.1, 0.35, 1, 1.05], spanMax = 60 } = {}): RankedHit[] {
  const random = createRandom(seed);
  const segments = Array.from({ length: count * 2 }, (_, index) => index).sort(() => random.next() - 0.5).slice(0, count);
  return segments.map((segmentIndex) => ({
    segmentIndex,
    ranges: [],
    matchOffset: 0,
    matchedWords: random.int(1, 3),
    isExactPhrase: random.next() < 0.1,
    scoreSum: random.pick(scoreSums),
    span: random.int(1, spanMax),
  }));
}

describe('sortRankedHits', () => {
  it.each([
    ['a short list', 50, {}],
    ['a long list, sorted by key', 10_000, {}],
    ['a long list with many score sums', 5_000, { scoreSums: Array.from({ length: 3_000 }, (_, i) => i / 1_000) }],
    ['a long list with spans past the key', 5_000, { spanMax: 70_000 }],
  ])('orders %s exactly as compareRankedHits does', (_name, count, options) => {
    const hits = randomHits(count, count, options);
    const expected = [...hits].sort(compareRankedHits).map((hit) => hit.segmentIndex);
    expect(sortRankedHits([...hits]).map((hit) => hit.segmentIndex)).toEqual(expected);
  });
});
