/**
 * YouTube's captions on the stand-in youtube.com: which videos have which
 * tracks, the page data the watch page carries (ytInitialPlayerResponse,
 * ytInitialData, ytcfg, the player's getPlayerResponse()), and the answers of
 * `get_panel`, the dead `get_transcript` and the pot-gated `/api/timedtext`,
 * in YouTube's shapes (test/fixtures/captions/youtube-answers.ts).
 */
import {
  buildInitialData,
  buildJson3Answer,
  buildPanelAnswer,
  buildPlayerResponse,
  type ChapterSpec,
  type LineSpec,
  type TrackSpec,
} from '../../fixtures/captions/youtube-answers';

export interface StandInCaptionedVideo {
  title: string;
  lengthSeconds: number;
  tracks: TrackSpec[];
  /** Lines per track, keyed "en" / "a.en" (automatic tracks prefixed with "a"). */
  lines: Record<string, LineSpec[]>;
  chapters: ChapterSpec[];
}

const ENGLISH: TrackSpec = { languageCode: 'en', name: 'English', isAutomatic: false };
const ENGLISH_AUTO: TrackSpec = { languageCode: 'en', name: 'English (auto-generated)', isAutomatic: true };

/** Lines every `step` seconds from `from`. */
const spaced = (texts: string[], step: number, from = 0): LineSpec[] => texts.map((text, index) => ({ start: from + index * step, text }));

export const CAPTIONED = 'Xk3pQ9vT2mA';
export const CAPTIONED_AUTO_ONLY = 'Qw3rTy8uI0p';
/** Visited by one test only, so its captions are never cached beforehand. */
export const CAPTIONED_UNSEEN = 'Zz9yX8wV7uT';
/** Two tracks, whose automatic one gets cached before the manual one is ever fetched (the remembered-choice test). */
export const CAPTIONED_CHOICE = 'Ch0iceTrk2B';
/** Markup in a caption line: it must show as text, and its handler must never run. */
export const MARKUP_LINE = '<img src=x onerror="window.__captionsPwned = true"> is not a picture';

/** A 3-hour talk of 4,000 short caption lines in 16 chapters: the bench's long transcript (issue 11). */
export const LONG_CAPTIONED = 'L0ngTa1k4kX';
const LONG_TALK_LINES = 4_000;
const LONG_TALK_SECONDS = 3 * 3600;
const LONG_TALK_WORDS = ['so', 'the', 'model', 'learns', 'attention', 'over', 'tokens', 'and', 'then', 'we', 'look', 'at', 'gradient', 'descent', 'here'];

/** Its lines: 6 to 11 words each, evenly spaced, the same every run. */
function longTalkLines(): LineSpec[] {
  const step = LONG_TALK_SECONDS / LONG_TALK_LINES;
  return Array.from({ length: LONG_TALK_LINES }, (_, index) => ({
    start: Math.round(index * step * 10) / 10,
    text: Array.from({ length: 6 + (index % 6) }, (_, word) => LONG_TALK_WORDS[(index * 7 + word * 3) % LONG_TALK_WORDS.length]!).join(' '),
  }));
}

export const STAND_IN_CAPTIONS: Record<string, StandInCaptionedVideo> = {
  [LONG_CAPTIONED]: {
    title: 'A three-hour lecture',
    lengthSeconds: LONG_TALK_SECONDS,
    tracks: [ENGLISH],
    lines: { en: longTalkLines() },
    chapters: Array.from({ length: 16 }, (_, index) => ({ start: (index * LONG_TALK_SECONDS) / 16, title: `Part ${index + 1}` })),
  },
  [CAPTIONED]: {
    title: 'Negative sampling, explained',
    lengthSeconds: 3900,
    tracks: [ENGLISH, ENGLISH_AUTO],
    lines: {
      en: spaced(
        [
          'welcome back to the channel',
          'today we look at negative sampling',
          'the softmax over the whole vocabulary is expensive',
          MARKUP_LINE,
          'so we sample a few words instead',
          'and train the model to tell them apart',
          'that is all for today',
        ],
        600,
      ),
      'a.en': spaced(['so welcome back', 'today negative sampling', 'the softmax is expensive'], 1200, 2),
    },
    chapters: [
      { start: 0, title: 'Intro' },
      { start: 1800, title: 'Sampling words' },
    ],
  },
  [CAPTIONED_AUTO_ONLY]: {
    title: 'Attention from scratch',
    lengthSeconds: 3900,
    tracks: [ENGLISH_AUTO],
    lines: { 'a.en': spaced(['attention is a weighted sum', 'the queries meet the keys', 'and the values come out'], 900, 30) },
    chapters: [],
  },
  [CAPTIONED_UNSEEN]: {
    title: 'A talk the panel must not show',
    lengthSeconds: 600,
    tracks: [ENGLISH],
    lines: { en: spaced(['lines of a video the page has already left'], 5) },
    chapters: [],
  },
  [CAPTIONED_CHOICE]: {
    title: 'Choosing a track',
    lengthSeconds: 900,
    tracks: [ENGLISH, ENGLISH_AUTO],
    lines: {
      en: spaced(['the manual English track', 'as the viewer chose it'], 60),
      'a.en': spaced(['the automatic track', 'cached first'], 60, 1),
    },
    chapters: [],
  },
  // A dataset video (DETR) has captions too: the dataset must win.
  T35ba_VXkMY: {
    title: 'DETR (captions)',
    lengthSeconds: 1900,
    tracks: [ENGLISH],
    lines: { en: spaced(['captions the panel must not show for a dataset video'], 10) },
    chapters: [],
  },
};

const trackKey = (languageCode: string, isAutomatic: boolean): string => `${isAutomatic ? 'a.' : ''}${languageCode}`;

/**
 * The transcript panel's params as a watch page carries them in its data:
 * field 149 {1: id, 3: 1, 5: 1}, one field more than the params an extension
 * builds from the id, so a test can tell which were sent.
 */
export function pageParamsFor(videoId: string): string {
  const id = Buffer.from(videoId, 'latin1');
  return Buffer.from([0xaa, 0x09, 4 + id.length + 2, 0x0a, id.length, ...id, 0x18, 0x01, 0x28, 0x01]).toString('base64');
}

/** The watch page's data for each video, as the stand-in page carries it. */
export function buildStandInPageData(origin: string) {
  const playerResponses: Record<string, unknown> = {};
  const initialData: Record<string, unknown> = {};
  for (const [videoId, video] of Object.entries(STAND_IN_CAPTIONS)) {
    playerResponses[videoId] = buildPlayerResponse(origin, videoId, video);
    initialData[videoId] = buildInitialData(videoId, pageParamsFor(videoId));
  }
  return {
    playerResponses,
    initialData,
    ytcfg: { INNERTUBE_CLIENT_VERSION: '2.20261120.01.00', HL: 'en', GL: 'US', INNERTUBE_API_KEY: 'AIzaStandIn' },
  };
}

/** The video id inside `get_panel`'s params (protobuf field 149 → field 1), read from the bytes. */
function readParamsVideoId(params: unknown): string | undefined {
  if (typeof params !== 'string') return undefined;
  const bytes = Buffer.from(params, 'base64');
  // aa 09 <len> 0a 0b <11 bytes of id>
  const start = bytes.indexOf(Buffer.from([0x0a, 0x0b]));
  return start < 0 ? undefined : bytes.subarray(start + 2, start + 13).toString('latin1');
}

type Answer = { status: number; headers: Record<string, string>; body: string };
const json = (status: number, value: unknown): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(value),
});

/**
 * `POST /youtubei/v1/get_panel`: the transcript panel of the video in
 * `params`, in `hl`'s language: its manual track, else its automatic one.
 */
export function answerGetPanel(body: string | undefined): Answer {
  let request: { panelId?: unknown; params?: unknown; context?: { client?: { hl?: unknown } } };
  try {
    request = JSON.parse(body ?? '') as typeof request;
  } catch {
    return json(400, { error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' } });
  }
  const videoId = readParamsVideoId(request.params);
  const video = videoId === undefined ? undefined : STAND_IN_CAPTIONS[videoId];
  if (request.panelId !== 'PAmodern_transcript_view' || !video || videoId === undefined) {
    return json(400, { error: { code: 400, message: 'Precondition check failed.', status: 'FAILED_PRECONDITION' } });
  }
  const hl = typeof request.context?.client?.hl === 'string' ? request.context.client.hl : 'en';
  const lines = video.lines[trackKey(hl, false)] ?? video.lines[trackKey(hl, true)] ?? [];
  return json(200, buildPanelAnswer(videoId, lines, video.chapters));
}

/** `POST /youtubei/v1/get_transcript`: dead since late 2025. */
export const answerGetTranscript = (): Answer =>
  json(400, { error: { code: 400, message: 'Precondition check failed.', status: 'FAILED_PRECONDITION' } });

/** `GET /api/timedtext`: an empty 200 without the player's proof-of-origin token (`pot`), json3 with it. */
export function answerTimedtext(url: URL): Answer {
  const empty: Answer = { status: 200, headers: { 'content-type': 'text/html; charset=UTF-8', server: 'video-timedtext' }, body: '' };
  const video = STAND_IN_CAPTIONS[url.searchParams.get('v') ?? ''];
  const lines = video?.lines[trackKey(url.searchParams.get('lang') ?? '', url.searchParams.get('kind') === 'asr')];
  if (!url.searchParams.get('pot') || !lines) return empty;
  return json(200, buildJson3Answer(lines));
}
