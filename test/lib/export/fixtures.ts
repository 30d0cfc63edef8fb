// Transcripts for the export tests: real sample text, and text written to break formats.
import type { Segment, Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

export const VIDEO_ID = 'yexR53My2O4' as VideoId;

export function makeTranscript(segments: Segment[], title = 'Word2Vec: Distributed Representations'): Transcript {
  const last = segments.at(-1);
  return {
    video: { videoId: VIDEO_ID, title, thumbnail: '', segmentCount: segments.length, duration: last ? last.end : 0 },
    segments,
  };
}

/** Untrusted text that would end a cue, fake a timing line, or become markup; and how it must read once on one line. */
export const HOSTILE_TEXTS: ReadonlyArray<[name: string, text: string, oneLine: string]> = [
  ['a blank line', 'first part\n\n2\n00:00:01,000 --> 00:00:02,000\nfake cue', 'first part 2 00:00:01,000 --> 00:00:02,000 fake cue'],
  ['CRLF and a tab', 'one\r\ntwo\tthree', 'one two three'],
  ['an arrow', 'a --> b ---> c', 'a --> b ---> c'],
  ['HTML tags', '<i>italic</i> <b>bold</b> <font color="red">red</font> <script>x()</script>', '<i>italic</i> <b>bold</b> <font color="red">red</font> <script>x()</script>'],
  ['an ASS override', '{\\an8}top of the screen', '{\\an8}top of the screen'],
  ['entities', 'AT&T &amp; &lt;3 &#60;', 'AT&T &amp; &lt;3 &#60;'],
  ['Markdown', '*not* _emphasis_ `code` [a link](https://example.com) ![img](x.png) # ~~gone~~ | a | b |', '*not* _emphasis_ `code` [a link](https://example.com) ![img](x.png) # ~~gone~~ | a | b |'],
  ['a bidi override and zero-width space', 'abc\u202Egnp.exe\u200B end', 'abcgnp.exe end'],
  ['line and paragraph separators', 'a\u2028b\u2029c', 'a b c'],
  ['surrounding spaces', '   padded   ', 'padded'],
];

export const SAMPLE_SEGMENTS: Segment[] = [
  { start: 0, end: 25.4, text: "hi there today we'll look at distributed representations of words" },
  { start: 25.4, end: 51.22, text: 'in NLP since this paper basically until recently' },
  { start: 3599.5, end: 3725.125, text: 'past the hour' },
];
