import { describe, expect, it } from 'vitest';
import { formatPlainText, formatTextFile, formatTimestampedText } from '../../../lib/export/plain-text';
import { makeTranscript, SAMPLE_SEGMENTS } from './fixtures';

const SEGMENTS = [...SAMPLE_SEGMENTS, { start: 3800, end: 3810, text: ' two\nlines ' }, { start: 3810, end: 3820, text: '\u200B' }];

describe('plain text', () => {
  it('is the words, one segment per line, empty segments left out', () => {
    expect(formatPlainText(SEGMENTS)).toBe(
      "hi there today we'll look at distributed representations of words\nin NLP since this paper basically until recently\npast the hour\ntwo lines",
    );
  });

  it('with timestamps puts each line after its start time', () => {
    expect(formatTimestampedText(SEGMENTS)).toBe(
      "0:00 hi there today we'll look at distributed representations of words\n0:25 in NLP since this paper basically until recently\n59:59 past the hour\n1:03:20 two lines",
    );
  });

  it('as a .txt file starts with the title and the video’s address', () => {
    expect(formatTextFile(makeTranscript(SAMPLE_SEGMENTS.slice(0, 1), 'A\ntitle'))).toBe(
      "A title\nhttps://www.youtube.com/watch?v=yexR53My2O4&t=0s\n\n0:00 hi there today we'll look at distributed representations of words\n",
    );
  });

  it('is empty for no segments', () => {
    expect(formatPlainText([])).toBe('');
    expect(formatTimestampedText([])).toBe('');
  });
});
