import { describe, expect, it } from 'vitest';
import { buildLibraryIndex } from '../../../lib/library/library-index';
import { createIndexQuery } from '../../../lib/library/query-index';
import type { Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

/** One video per text, so the order of videos is the order of their one segment. */
const TEXTS: Record<string, string> = {
  aaaaaaaaaaa: 'the model learns',
  bbbbbbbbbbb: 'model the week',
  ccccccccccc: 'the modern way',
  ddddddddddd: 'the old model',
};

const index = buildLibraryIndex(
  'ds',
  Object.entries(TEXTS).map(([videoId, text]): Transcript => ({
    video: { videoId: videoId as VideoId, title: videoId, thumbnail: '', segmentCount: 1, duration: 1 },
    segments: [{ start: 0, end: 1, text }],
  })),
);
const videoIdsOf = (matches: ReturnType<ReturnType<typeof createIndexQuery>>): string[] =>
  matches?.videos.map(({ video }) => index.videos[video]!.videoId) ?? [];

describe('createIndexQuery while typing', () => {
  // Phrase first (closest spelling first among them), then every word, then the rest; ties in library order.
  const typed: Array<[query: string, videos: string[]]> = [
    ['the mo', ['aaaaaaaaaaa', 'ccccccccccc', 'bbbbbbbbbbb', 'ddddddddddd']],
    ['the mod', ['aaaaaaaaaaa', 'ccccccccccc', 'bbbbbbbbbbb', 'ddddddddddd']],
    ['the model', ['aaaaaaaaaaa', 'bbbbbbbbbbb', 'ddddddddddd', 'ccccccccccc']],
    // A letter taken back widens the last word again: the modern way is a phrase once more.
    ['the mode', ['aaaaaaaaaaa', 'ccccccccccc', 'bbbbbbbbbbb', 'ddddddddddd']],
    ['the modern', ['ccccccccccc', 'aaaaaaaaaaa', 'bbbbbbbbbbb', 'ddddddddddd']],
    ['the model learns', ['aaaaaaaaaaa', 'bbbbbbbbbbb', 'ddddddddddd', 'ccccccccccc']],
    ['model the', ['bbbbbbbbbbb', 'aaaaaaaaaaa', 'ddddddddddd', 'ccccccccccc']],
  ];

  it('ranks each keystroke as a query typed afresh would be', () => {
    const query = createIndexQuery(index);
    for (const [text, expected] of typed) expect([text, videoIdsOf(query(text))]).toEqual([text, expected]);
  });

  it.each(typed)('ranks "%s" typed afresh', (text, expected) => {
    expect(videoIdsOf(createIndexQuery(index)(text))).toEqual(expected);
  });
});

describe('createIndexQuery: more words held beats closer spelling', () => {
  const words = ['machine', 'learning', 'network', 'training', 'gradient', 'descent', 'optimizer', 'dropout', 'pipeline', 'embedding', 'attention', 'transformer'];
  // Eleven of the words, each with an "s" added (a close spelling); no "dropout".
  const eleven = words.filter((word) => word !== 'dropout').map((word) => `${word}s`);
  // All twelve, eleven of them misspelt further off (a letter or two changed), backwards (no phrase).
  const twelve = ['transformers', 'atention', 'embeding', 'pipelyne', 'dropaut', 'optimiser', 'dessent', 'gradiant', 'trainink', 'netwerc', 'lerning', 'mashina'];
  const library = buildLibraryIndex(
    'ds',
    [eleven, twelve].map((texts, i): Transcript => ({
      video: { videoId: (i === 0 ? 'aaaaaaaaaaa' : 'bbbbbbbbbbb') as VideoId, title: String(i), thumbnail: '', segmentCount: 1, duration: 1 },
      segments: [{ start: 0, end: 1, text: texts.join(' ') }],
    })),
  );

  it('ranks a segment holding all twelve words, spelt further off, above one holding eleven closely', () => {
    const matches = createIndexQuery(library)(words.join(' '));
    expect(matches?.videos.map(({ video }) => library.videos[video]!.videoId)).toEqual(['bbbbbbbbbbb', 'aaaaaaaaaaa']);
  });
});
