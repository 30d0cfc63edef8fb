// The content script's side of the bridge, fed messages directly: what it keeps of a player snapshot, and how much it keeps.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePageData, PAGE_DATA_EVENT, type PageDataMessage } from '../../../../lib/youtube/page-bridge/messages';
import { createPageDataReader, type PageDataReaderOptions } from '../../../../lib/youtube/page-bridge/page-data-reader';

const ORIGIN = 'https://www.youtube.com';
const ids = Array.from({ length: 13 }, (_, i) => `video${String(i).padStart(6, '0')}`);
const ENGLISH = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' };
const ENGLISH_AUTO = { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)' };

let lifetime: AbortController;
beforeEach(() => (lifetime = new AbortController()));
afterEach(() => lifetime.abort());

const open = (options: Partial<PageDataReaderOptions> = {}) => createPageDataReader(document, lifetime.signal, { origin: ORIGIN, timeoutMs: 30, ...options });
const publish = (message: PageDataMessage) => document.dispatchEvent(new CustomEvent(PAGE_DATA_EVENT, { detail: encodePageData(message) }));
const player = (videoDetails: Record<string, unknown>, client = {}): PageDataMessage => ({ kind: 'player', playerResponse: { videoDetails }, client });
const captured = (videoId: string, kind = '') => publish({ kind: 'timedtext', url: `/api/timedtext?v=${videoId}&lang=en${kind}`, body: `${videoId}${kind}` });
const read = (reader: ReturnType<typeof open>, videoId: string) => reader.readPlayer(videoId, new AbortController().signal);

describe('the page data reader', () => {
  it("keeps a player's title (cut to 500 characters) and length, and YouTube's client version when ytcfg had none", async () => {
    const reader = open();
    publish(player({ videoId: ids[0], title: 'x'.repeat(600), lengthSeconds: '125' }));
    expect(await read(reader, ids[0]!)).toMatchObject({ title: 'x'.repeat(500), durationSeconds: 125, client: { clientVersion: '2.20261101.00.00' } });
  });

  it.each([
    ['a blank title and a length of 0', { title: '   ', lengthSeconds: '0' }],
    ['no title and a negative length', { lengthSeconds: -5 }],
  ])('reads %s as unknown', async (_label, details) => {
    const reader = open();
    publish(player({ videoId: ids[0], ...details }));
    expect(await read(reader, ids[0]!)).toMatchObject({ title: undefined, durationSeconds: undefined });
  });

  it('ignores a snapshot that names no video: it does not push out a video kept', async () => {
    const reader = open();
    for (const id of ids.slice(0, 8)) publish(player({ videoId: id }));
    publish(player({ title: 'no id' }));
    expect(await read(reader, ids[0]!)).toMatchObject({ videoId: ids[0] });
  });

  it('answers at once from what the player said on this visit', async () => {
    const reader = open({ timeoutMs: 60_000 });
    publish(player({ videoId: ids[0] }));
    const soon = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 50));
    expect(await Promise.race([read(reader, ids[0]!), soon])).toMatchObject({ videoId: ids[0] });
  });

  it('keeps the players of the last 8 videos, counting a video said again as new', async () => {
    const reader = open();
    for (const id of ids.slice(0, 9)) publish(player({ videoId: id }));
    publish(player({ videoId: ids[1] }));
    publish(player({ videoId: ids[9] }));
    expect(await read(reader, ids[0]!)).toBeUndefined();
    expect(await read(reader, ids[2]!)).toBeUndefined();
    expect(await read(reader, ids[1]!)).toMatchObject({ videoId: ids[1] });
    expect(await read(reader, ids[3]!)).toMatchObject({ videoId: ids[3] });
  });

  it('answers nothing for a request already aborted', async () => {
    const reader = open({ timeoutMs: 60_000 });
    publish(player({ videoId: ids[0] }));
    const aborted = new AbortController();
    aborted.abort();
    expect(await reader.readPlayer(ids[1]!, aborted.signal)).toBeUndefined();
  });

  it('stops waiting as soon as the request is aborted', async () => {
    const reader = open({ timeoutMs: 60_000 });
    const request = new AbortController();
    const answer = reader.readPlayer(ids[0]!, request.signal);
    request.abort();
    const soon = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 50));
    expect(await Promise.race([answer, soon])).toBeUndefined();
  });

  it('keeps the timed text of the last 12 tracks, a manual and an automatic track apart', () => {
    const reader = open();
    for (const id of ids) captured(id);
    captured(ids[12]!, '&kind=asr');
    expect(reader.findCapturedTimedText(ids[0]!, ENGLISH)).toBeUndefined();
    expect(reader.findCapturedTimedText(ids[1]!, ENGLISH)).toBeUndefined();
    expect(reader.findCapturedTimedText(ids[2]!, ENGLISH)).toBe(ids[2]);
    expect(reader.findCapturedTimedText(ids[12]!, ENGLISH)).toBe(ids[12]);
    expect(reader.findCapturedTimedText(ids[12]!, ENGLISH_AUTO)).toBe(`${ids[12]!}&kind=asr`);
  });

  it('stops telling a listener of captures once its signal aborts', () => {
    const reader = open();
    const heard: string[] = [];
    const listening = new AbortController();
    reader.onTimedTextCaptured((target) => heard.push(target.videoId), listening.signal);
    captured(ids[0]!);
    listening.abort();
    captured(ids[1]!);
    expect(heard).toEqual([ids[0]]);
  });
});
