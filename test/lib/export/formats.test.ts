import { describe, expect, it } from 'vitest';
import { buildTranscriptFile, DOWNLOAD_FORMATS, type DownloadFormatId } from '../../../lib/export/formats';
import { makeTranscript, SAMPLE_SEGMENTS } from './fixtures';

const transcript = makeTranscript(SAMPLE_SEGMENTS, 'Word2Vec: the paper');

describe('buildTranscriptFile', () => {
  it.each<[DownloadFormatId, string, string, RegExp]>([
    ['txt', 'Word2Vec the paper.txt', 'text/plain;charset=utf-8', /^Word2Vec: the paper\nhttps:\/\/www\.youtube\.com\/watch\?v=yexR53My2O4&t=0s\n\n0:00 hi/],
    ['srt', 'Word2Vec the paper.srt', 'application/x-subrip;charset=utf-8', /^1\n00:00:00,000 --> 00:00:25,400\nhi/],
    ['vtt', 'Word2Vec the paper.vtt', 'text/vtt;charset=utf-8', /^WEBVTT\n\n00:00:00\.000 --> 00:00:25\.400\nhi/],
    ['md', 'Word2Vec the paper.md', 'text/markdown;charset=utf-8', /^# Word2Vec: the paper\n\n\[0:00\]\(https:\/\/www\.youtube\.com\/watch\?v=yexR53My2O4&t=0s\) hi/],
  ])('%s: %s, %s', (id, fileName, mimeType, start) => {
    const file = buildTranscriptFile(transcript, id);
    expect(file.fileName).toBe(fileName);
    expect(file.mimeType).toBe(mimeType);
    expect(file.text).toMatch(start);
  });

  it('offers the four formats, in menu order', () => {
    expect(DOWNLOAD_FORMATS.map((format) => [format.id, format.label])).toEqual([
      ['txt', 'text (.txt)'],
      ['srt', 'subtitles (.srt)'],
      ['vtt', 'subtitles (.vtt)'],
      ['md', 'Markdown (.md)'],
    ]);
  });
});
