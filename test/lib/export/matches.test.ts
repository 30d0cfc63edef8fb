import { describe, expect, it } from 'vitest';
import { formatMatches } from '../../../lib/export/matches';
import { makeTranscript } from './fixtures';

// 100 characters over 20 seconds: the phrase time moves 0.2 s per character (a second early).
const SEGMENTS = [
  { start: 10, end: 30, text: 'a'.repeat(50) + ' negative sampling ' + 'b'.repeat(31) },
  { start: 30, end: 55, text: 'the word\nsampling again' },
];
const transcript = makeTranscript(SEGMENTS, 'Word2Vec');

describe('formatMatches', () => {
  it('lists each hit, in the order given, with its time, words and a link that plays from the phrase', () => {
    const text = formatMatches(
      transcript,
      [
        { segmentIndex: 1, matchOffset: 0 },
        { segmentIndex: 0, matchOffset: 51 },
      ],
      ' sampling ',
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe('2 matches for "sampling" in Word2Vec');
    expect(lines[1]).toBe('');
    expect(lines[2]).toMatch(/^0:30 the word sampling again$/);
    expect(lines[3]).toBe('https://www.youtube.com/watch?v=yexR53My2O4&t=30s');
    expect(lines[4]).toBe('');
    // 51 of 100 characters into a 20 s segment starting at 10 s, a second early: about 19 s.
    const [, shown] = /^(\d+:\d\d) a+ negative sampling b+$/.exec(lines[5]!) ?? [];
    expect(shown).toMatch(/^0:1[89]$/);
    const [, t] = /^https:\/\/www\.youtube\.com\/watch\?v=yexR53My2O4&t=(\d+)s$/.exec(lines[6]!) ?? [];
    expect(Number(t)).toBe(Number(shown!.split(':')[1]));
    expect(text.endsWith('\n')).toBe(true);
  });

  it('says "1 match", and skips a hit whose segment is not there', () => {
    const text = formatMatches(transcript, [{ segmentIndex: 0, matchOffset: 0 }, { segmentIndex: 9, matchOffset: 0 }], 'a');
    expect(text.split('\n')[0]).toBe('1 match for "a" in Word2Vec');
    expect(text.match(/https:/g)).toHaveLength(1);
  });
});
