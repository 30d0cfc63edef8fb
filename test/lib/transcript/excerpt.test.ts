import { describe, expect, it } from 'vitest';
import { EXCERPT_LEAD, EXCERPT_THRESHOLD, findExcerptStart, shiftRanges } from '../../../lib/transcript/excerpt';

const words = (count: number): string => Array.from({ length: count }, (_, index) => `w${String(index).padStart(2, '0')}`).join(' ');

describe('findExcerptStart', () => {
  // "w00 w01 …": each word 3 characters and a space, so word n starts at 4n.
  const text = `${words(40)} match here`;
  const matchAt = text.indexOf('match');

  it('starts at the beginning without a match, or with one near the start', () => {
    expect(findExcerptStart(text, [])).toBe(0);
    expect(findExcerptStart(text, [[8, 11]])).toBe(0);
    expect(findExcerptStart(text, [[EXCERPT_THRESHOLD, EXCERPT_THRESHOLD + 3]])).toBe(0);
  });

  it('starts at a word a few words before a late match', () => {
    const start = findExcerptStart(text, [[matchAt, matchAt + 5]]);
    // 160 is "match"; the lead reaches back 30 characters, to the word starting at 132 ("w33").
    expect(matchAt).toBe(160);
    expect(start).toBe(132);
    expect(text.slice(start, matchAt)).toBe('w33 w34 w35 w36 w37 w38 w39 ');
    expect(matchAt - start).toBeLessThanOrEqual(EXCERPT_LEAD);
  });

  it('starts at the match itself when no space precedes it within the lead', () => {
    const long = `${'x'.repeat(120)}match`;
    expect(findExcerptStart(long, [[120, 125]])).toBe(120);
  });

  it('only looks at the first match', () => {
    expect(findExcerptStart(text, [[4, 7], [matchAt, matchAt + 5]])).toBe(0);
  });
});

describe('shiftRanges', () => {
  it('moves every range back by the offset', () => {
    expect(shiftRanges([[10, 15], [20, 22]], 10)).toEqual([[0, 5], [10, 12]]);
  });
});
