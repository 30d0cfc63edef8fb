import { describe, expect, it, vi } from 'vitest';
import { createDatasetProvider } from '../../../lib/panel/dataset-provider';
import { toPanelState } from '../../../lib/panel/panel-state';
import { createTranscriptLookup, type TranscriptProvider } from '../../../lib/panel/transcript-lookup';
import type { Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

const VIDEO = 'aaaaaaaaaaa' as VideoId;
const transcript: Transcript = {
  video: { videoId: VIDEO, title: 'A talk', thumbnail: '', segmentCount: 1, duration: 20 },
  segments: [{ start: 0, end: 20, text: 'words of the talk' }],
};
const found: TranscriptProvider = () => Promise.resolve({ status: 'found', transcript, source: { kind: 'dataset' } });
const notFound: TranscriptProvider = () => Promise.resolve({ status: 'not-found' });
const failing: TranscriptProvider = () => Promise.resolve({ status: 'error', message: 'cache unreadable' });
const throwing: TranscriptProvider = () => Promise.reject(new Error('boom'));
const live = () => new AbortController().signal;

describe('createTranscriptLookup', () => {
  it('answers with the first provider that has the video, opened for search', async () => {
    const second = vi.fn(found);
    const outcome = await createTranscriptLookup([found, second])(VIDEO, live());
    expect(outcome.status).toBe('found');
    if (outcome.status !== 'found') return;
    expect(outcome.transcript.source).toEqual({ kind: 'dataset' });
    expect(outcome.transcript.search('talk')).toHaveLength(1);
    expect(second).not.toHaveBeenCalled();
  });

  it("hands the panel's options to each provider", async () => {
    const first = vi.fn(notFound);
    const second = vi.fn(found);
    await createTranscriptLookup([first, second])(VIDEO, live(), { fresh: true, captionMethods: ['player'] });
    for (const provider of [first, second]) expect(provider).toHaveBeenCalledWith(VIDEO, expect.any(AbortSignal), { fresh: true, captionMethods: ['player'] });
  });

  it.each([
    ['a miss', [notFound, found], 'found'],
    ['an error', [failing, found], 'found'],
    ['a throw', [throwing, found], 'found'],
  ] as const)('goes on to the next provider after %s', async (_case, providers, status) => {
    expect((await createTranscriptLookup(providers)(VIDEO, live())).status).toBe(status);
  });

  it('reports the first error when no provider has the video, and not-found when none failed', async () => {
    expect(await createTranscriptLookup([failing, throwing, notFound])(VIDEO, live())).toEqual({ status: 'error', message: 'cache unreadable' });
    expect(await createTranscriptLookup([throwing])(VIDEO, live())).toEqual({ status: 'error', message: 'boom' });
    expect(await createTranscriptLookup([notFound, notFound])(VIDEO, live())).toEqual({ status: 'not-found' });
    expect(await createTranscriptLookup([])(VIDEO, live())).toEqual({ status: 'not-found' });
  });

  it("reports what YouTube's captions said when no provider has the video, after any error", async () => {
    const failed = { status: 'captions-failed', details: 'get_panel: HTTP 400', tracks: [] } as const;
    const noCaptions: TranscriptProvider = () => Promise.resolve({ status: 'no-captions' });
    const captionsFailed: TranscriptProvider = () => Promise.resolve(failed);
    expect(await createTranscriptLookup([notFound, noCaptions])(VIDEO, live())).toEqual({ status: 'no-captions' });
    expect(await createTranscriptLookup([notFound, captionsFailed])(VIDEO, live())).toEqual(failed);
    expect(await createTranscriptLookup([failing, captionsFailed])(VIDEO, live())).toEqual({ status: 'error', message: 'cache unreadable' });
    expect(await createTranscriptLookup([captionsFailed, failing])(VIDEO, live())).toEqual({ status: 'error', message: 'cache unreadable' });
    expect((await createTranscriptLookup([notFound, captionsFailed, found])(VIDEO, live())).status).toBe('found');
  });

  it('asks no further provider once the page has moved on', async () => {
    const controller = new AbortController();
    const second = vi.fn(found);
    const first: TranscriptProvider = () => {
      controller.abort();
      return Promise.resolve({ status: 'not-found' });
    };
    await createTranscriptLookup([first, second])(VIDEO, controller.signal);
    expect(second).not.toHaveBeenCalled();
  });
});

describe('createDatasetProvider', () => {
  it.each([
    [{ status: 'found', transcript } as const, { status: 'found', transcript, source: { kind: 'dataset' } }],
    [{ status: 'not-found' } as const, { status: 'not-found' }],
    [{ status: 'error', message: 'The transcript cache could not be read: closing' } as const, { status: 'error', message: 'The transcript cache could not be read: closing' }],
  ])('passes the background answer %j on, with its source', async (outcome, expected) => {
    expect(await createDatasetProvider(() => Promise.resolve(outcome))(VIDEO, live())).toEqual(expected);
  });

  it('says in words when the background worker does not answer', async () => {
    const provide = createDatasetProvider(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    expect(await provide(VIDEO, live())).toEqual({
      status: 'error',
      message:
        "The extension's background worker did not answer (Could not establish connection. Receiving end does not exist.). Reload the page to try again.",
    });
  });
});

describe('createDatasetProvider, a long transcript in parts', () => {
  const segmentsUpTo = (count: number) => Array.from({ length: count }, (_, index) => ({ start: index, end: index + 1, text: `line ${index}` }));
  const long = { ...transcript, segments: segmentsUpTo(12_001) };
  const first = { status: 'found', transcript: { ...long, segments: long.segments.slice(0, 5_000) }, rest: { datasetId: 'd1', total: 12_001 } } as const;

  it('asks for the rest a part at a time and draws the whole', async () => {
    const asked: unknown[] = [];
    const provide = createDatasetProvider(
      () => Promise.resolve(first),
      (request) => {
        asked.push(request);
        return Promise.resolve({ status: 'found', segments: long.segments.slice(request.from, request.to) });
      },
    );
    const outcome = await provide(VIDEO, live());
    expect(asked).toEqual([
      { videoId: VIDEO, datasetId: 'd1', from: 5_000, to: 10_000 },
      { videoId: VIDEO, datasetId: 'd1', from: 10_000, to: 12_001 },
    ]);
    expect(outcome).toEqual({ status: 'found', transcript: long, source: { kind: 'dataset' } });
  });

  it('says so when the dataset was switched between parts', async () => {
    const provide = createDatasetProvider(
      () => Promise.resolve(first),
      () => Promise.resolve({ status: 'not-found' }),
    );
    expect(await provide(VIDEO, live())).toEqual({ status: 'error', message: 'The transcript dataset changed while this video was read. Try again.' });
  });

  it.each([
    [
      'a part the worker did not answer',
      () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      "The extension's background worker did not answer (Could not establish connection. Receiving end does not exist.). Reload the page to try again.",
    ],
    ['a part the cache could not read', () => Promise.resolve({ status: 'error' as const, message: 'The transcript cache could not be read: gone' }), 'The transcript cache could not be read: gone'],
  ])('says why, after %s', async (_label, fetchSegments, message) => {
    expect(await createDatasetProvider(() => Promise.resolve(first), fetchSegments)(VIDEO, live())).toEqual({ status: 'error', message });
  });

  it('stops asking once the page has moved on', async () => {
    const controller = new AbortController();
    const fetchSegments = vi.fn(() => {
      controller.abort();
      return Promise.resolve({ status: 'found' as const, segments: long.segments.slice(5_000, 10_000) });
    });
    await createDatasetProvider(() => Promise.resolve(first), fetchSegments)(VIDEO, controller.signal);
    expect(fetchSegments).toHaveBeenCalledTimes(1);
  });
});

describe('toPanelState', () => {
  it('puts each outcome in the panel’s words', async () => {
    const outcome = await createTranscriptLookup([found])(VIDEO, live());
    expect(toPanelState(VIDEO, outcome)).toMatchObject({ kind: 'ready', videoId: VIDEO });
    expect(toPanelState(VIDEO, { status: 'not-found' })).toEqual({ kind: 'missing', videoId: VIDEO });
    expect(toPanelState(VIDEO, { status: 'no-captions' })).toEqual({ kind: 'no-captions', videoId: VIDEO });
    expect(toPanelState(VIDEO, { status: 'captions-failed', details: 'd', retryAfterSeconds: 60, tracks: [], trackId: '.en', playerCanHelp: true })).toEqual({
      kind: 'captions-failed',
      videoId: VIDEO,
      details: 'd',
      retryAfterSeconds: 60,
      tracks: [],
      trackId: '.en',
      playerCanHelp: true,
    });
    expect(toPanelState(VIDEO, { status: 'error', message: 'no' })).toEqual({ kind: 'error', videoId: VIDEO, message: 'no' });
  });
});
