// The answer builders the stand-in and the bench use must make what the hand-made fixtures hold.
import { describe, expect, it } from 'vitest';
import { parsePanelResponse } from '../../../../lib/youtube/captions/panel-response';
import { parseJson3 } from '../../../../lib/youtube/captions/timedtext';
import { parseCaptionTracks } from '../../../../lib/youtube/captions/tracks';
import { buildJson3Answer, buildPanelAnswer, buildPlayerResponse, formatClock } from '../../../fixtures/captions/youtube-answers';
import { readFixtureJson } from './read-fixture';

describe('the answer builders', () => {
  it('build a get_panel answer that reads like the hand-made one', () => {
    const built = buildPanelAnswer(
      'Xk3pQ9vT2mA',
      [
        { start: 0, text: 'welcome back to the channel' },
        { start: 4, text: 'today we look at\nnegative sampling' },
        { start: 9, text: 'the softmax is expensive' },
        { start: 13, text: 'so we sample a few words' },
      ],
      [
        { start: 0, title: 'Intro' },
        { start: 9, title: 'Why sampling works' },
      ],
    );
    expect(parsePanelResponse(built)).toEqual(parsePanelResponse(readFixtureJson('get-panel-modern-chapters.json')));
  });

  it('put lines before the first chapter in a section of their own', () => {
    const built = buildPanelAnswer('Xk3pQ9vT2mA', [{ start: 1, text: 'cold open' }, { start: 60, text: 'after' }], [{ start: 30, title: 'Part one' }]);
    expect(parsePanelResponse(built)).toMatchObject({ lines: [{ start: 1 }, { start: 60 }], chapters: [{ start: 30, title: 'Part one' }] });
  });

  it('build json3 with appends that carry no text', () => {
    const built = buildJson3Answer([
      { start: 0.5, text: 'so today we talk' },
      { start: 2.25, text: 'about word vectors' },
    ]);
    expect(parseJson3(built)).toEqual({
      kind: 'parsed',
      lines: [
        { start: 0.5, end: 2.25, text: 'so today we talk' },
        { start: 2.25, end: 5.25, text: 'about word vectors' },
      ],
      chapters: [],
    });
  });

  it('build player responses with tracks in the fixture shape, and none without captions', () => {
    const built = buildPlayerResponse('https://www.youtube.com', 'Xk3pQ9vT2mA', {
      title: 't',
      lengthSeconds: 60,
      tracks: [{ languageCode: 'en', name: 'English (auto-generated)', isAutomatic: true }],
    });
    expect(parseCaptionTracks(built)).toEqual([
      { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)', baseUrl: expect.stringContaining('&kind=asr&lang=en') as string },
    ]);
    expect(buildPlayerResponse('https://www.youtube.com', 'Xk3pQ9vT2mA', { title: 't', lengthSeconds: 60, tracks: [] })).not.toHaveProperty('captions');
  });

  it.each([
    [0, '0:00'],
    [65.9, '1:05'],
    [3723, '1:02:03'],
  ])('print %d s as %s', (seconds, clock) => {
    expect(formatClock(seconds)).toBe(clock);
  });
});
