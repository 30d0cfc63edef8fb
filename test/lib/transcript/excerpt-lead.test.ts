// Where a late match's excerpt starts, at the edges a mutation run found untested.
import { describe, expect, it } from 'vitest';
import { EXCERPT_LEAD, findExcerptStart } from '../../../lib/transcript/excerpt';

describe('findExcerptStart at the edges of the lead', () => {
  it('keeps a lead of exactly EXCERPT_LEAD characters when the word before starts there', () => {
    // The only space in reach is 31 characters before the match: the excerpt starts 30 before it.
    const text = `${'w'.repeat(100)} ${'y'.repeat(EXCERPT_LEAD - 1)} match`;
    const matchAt = text.indexOf('match');
    expect(findExcerptStart(text, [[matchAt, matchAt + 5]])).toBe(matchAt - EXCERPT_LEAD);
  });

  it('never starts after the match, even when a space follows it and none is in reach before it', () => {
    const text = `${'x'.repeat(120)}match and more`;
    expect(findExcerptStart(text, [[120, 125]])).toBe(120);
  });
});
