import { describe, expect, it, vi } from 'vitest';
import type { TranscriptOutcome } from '../../../lib/messaging/protocol';
import { createPanelSession, type PanelState } from '../../../lib/panel/session';
import type { Transcript } from '../../../lib/transcript/types';
import type { VideoId } from '../../../lib/youtube/url';

function transcriptOf(videoId: string): Transcript {
  return {
    video: { videoId: videoId as VideoId, title: `Video ${videoId}`, thumbnail: '', segmentCount: 1, duration: 20 },
    segments: [{ start: 0, end: 20, text: `words of ${videoId}` }],
  };
}

/** A fetch whose answers the test releases one by one, in any order. */
function controlledFetch() {
  const pending = new Map<string, (response: TranscriptOutcome) => void>();
  const fetchTranscript = vi.fn(
    (videoId: VideoId) => new Promise<TranscriptOutcome>((resolve) => pending.set(videoId, resolve)),
  );
  const answer = (videoId: string, response: TranscriptOutcome = { status: 'found', transcript: transcriptOf(videoId) }) => {
    pending.get(videoId)?.(response);
    return Promise.resolve();
  };
  return { fetchTranscript, answer };
}

const watch = (id: string) => `https://www.youtube.com/watch?v=${id}`;

describe('createPanelSession', () => {
  it('shows loading, then the transcript', async () => {
    const { fetchTranscript, answer } = controlledFetch();
    const states: PanelState[] = [];
    const session = createPanelSession({ fetchTranscript, onChange: (state) => states.push(state) });
    session.showPage(watch('aaaaaaaaaaa'));
    expect(session.state).toEqual({ kind: 'loading', videoId: 'aaaaaaaaaaa' });
    await answer('aaaaaaaaaaa');
    await vi.waitFor(() => expect(session.state.kind).toBe('ready'));
    expect(states.map((s) => s.kind)).toEqual(['loading', 'ready']);
  });

  it('never draws a slow answer for the previous video over the new one', async () => {
    const { fetchTranscript, answer } = controlledFetch();
    const session = createPanelSession({ fetchTranscript, onChange: () => undefined });
    session.showPage(watch('aaaaaaaaaaa'));
    session.showPage(watch('bbbbbbbbbbb'));
    await answer('bbbbbbbbbbb');
    await vi.waitFor(() => expect(session.state).toMatchObject({ kind: 'ready', videoId: 'bbbbbbbbbbb' }));
    await answer('aaaaaaaaaaa');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.state).toMatchObject({ kind: 'ready', videoId: 'bbbbbbbbbbb' });
  });

  it('hides on pages without a video and drops answers that arrive after leaving', async () => {
    const { fetchTranscript, answer } = controlledFetch();
    const session = createPanelSession({ fetchTranscript, onChange: () => undefined });
    session.showPage(watch('aaaaaaaaaaa'));
    session.showPage('https://www.youtube.com/results?search_query=bias');
    expect(session.state).toEqual({ kind: 'hidden' });
    await answer('aaaaaaaaaaa');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.state).toEqual({ kind: 'hidden' });
  });

  it('asks once per video, however many navigation events say so', () => {
    const { fetchTranscript } = controlledFetch();
    const session = createPanelSession({ fetchTranscript, onChange: () => undefined });
    session.showPage(watch('aaaaaaaaaaa'));
    session.showPage(`${watch('aaaaaaaaaaa')}&t=30s`);
    expect(fetchTranscript).toHaveBeenCalledTimes(1);
  });

  it('says "not in dataset" and reports failures in words, with a retry', async () => {
    const { fetchTranscript, answer } = controlledFetch();
    const session = createPanelSession({ fetchTranscript, onChange: () => undefined });
    session.showPage(watch('ccccccccccc'));
    await answer('ccccccccccc', { status: 'not-found' });
    await vi.waitFor(() => expect(session.state).toEqual({ kind: 'missing', videoId: 'ccccccccccc' }));

    const failing = createPanelSession({
      fetchTranscript: () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')),
      onChange: () => undefined,
    });
    failing.showPage(watch('ddddddddddd'));
    await vi.waitFor(() => expect(failing.state.kind).toBe('error'));
    expect(failing.state).toMatchObject({ message: expect.stringContaining('Receiving end does not exist') as string });
    failing.retry();
    expect(failing.state.kind).toBe('loading');
  });
});

describe('refresh after the dataset changed', () => {
  it('keeps the panel as it is while asking, then shows the new answer', async () => {
    const { fetchTranscript, answer } = controlledFetch();
    const states: PanelState[] = [];
    const session = createPanelSession({ fetchTranscript, onChange: (state) => states.push(state) });
    session.showPage(watch('aaaaaaaaaaa'));
    await answer('aaaaaaaaaaa');
    await vi.waitFor(() => expect(session.state.kind).toBe('ready'));
    session.refresh();
    expect(session.state.kind).toBe('ready'); // no "loading" in between
    await answer('aaaaaaaaaaa', { status: 'not-found' });
    await vi.waitFor(() => expect(session.state.kind).toBe('missing'));
    expect(states.map((s) => s.kind)).toEqual(['loading', 'ready', 'missing']);
  });

  it('keeps showing the transcript if the quiet refresh fails', async () => {
    let calls = 0;
    const session = createPanelSession({
      fetchTranscript: () => {
        calls += 1;
        return calls === 1
          ? Promise.resolve({ status: 'found', transcript: transcriptOf('aaaaaaaaaaa') })
          : Promise.reject(new Error('gone'));
      },
      onChange: () => undefined,
    });
    session.showPage(watch('aaaaaaaaaaa'));
    await vi.waitFor(() => expect(session.state.kind).toBe('ready'));
    session.refresh();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(session.state.kind).toBe('ready');
  });
});
