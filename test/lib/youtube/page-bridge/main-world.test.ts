// What the main world reads from the page's globals, with each of them missing or odd in turn.
import { describe, expect, it } from 'vitest';
import { readPlayerSnapshot } from '../../../../lib/youtube/page-bridge/main-world';

const RESPONSE = { videoDetails: { videoId: 'Xk3pQ9vT2mA', title: 'T', lengthSeconds: '60', author: 'A' }, adPlacements: [1] };
const CUT = { videoDetails: { videoId: 'Xk3pQ9vT2mA', title: 'T', lengthSeconds: '60' } };

function pageWindow(globals: Record<string, unknown>, player: Record<string, unknown> | null = null): Window {
  return { document: { getElementById: (id: string) => (id === 'movie_player' ? player : null) }, ...globals } as unknown as Window;
}

describe('readPlayerSnapshot', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['ytcfg.get', { ytcfg: { get: (key: string) => ({ INNERTUBE_CLIENT_VERSION: '2.2026', HL: 'de', GL: 'CH' })[key] } }, { clientVersion: '2.2026', hl: 'de', gl: 'CH' }],
    ['ytcfg.data_ when there is no get', { ytcfg: { data_: { INNERTUBE_CLIENT_VERSION: '2.2026', HL: 'de' } } }, { clientVersion: '2.2026', hl: 'de', gl: undefined }],
    ['empty and non-text values as missing', { ytcfg: { get: (key: string) => ({ INNERTUBE_CLIENT_VERSION: '', HL: 5 })[key] } }, { clientVersion: undefined, hl: undefined, gl: undefined }],
    ['a ytcfg whose get throws', { ytcfg: { get: () => { throw new Error('not ready'); } } }, { clientVersion: undefined, hl: undefined, gl: undefined }],
    ['no ytcfg', {}, { clientVersion: undefined, hl: undefined, gl: undefined }],
  ])('reads the client from %s', (_label, globals, client) => {
    const snapshot = readPlayerSnapshot(pageWindow({ ytInitialPlayerResponse: RESPONSE, ...globals }), undefined);
    expect(snapshot).toStrictEqual({ kind: 'player', playerResponse: CUT, client, panelParams: undefined });
  });

  it.each<[string, Record<string, unknown> | null]>([
    ['no player element', null],
    ['a player without getPlayerResponse', {}],
    ['a player whose getPlayerResponse throws', { getPlayerResponse: () => { throw new Error('not ready'); } }],
  ])('falls back to the first page\'s player response with %s', (_label, player) => {
    expect(readPlayerSnapshot(pageWindow({ ytInitialPlayerResponse: RESPONSE }, player), undefined)?.playerResponse).toStrictEqual(CUT);
  });

  it("prefers the player's own answer, which follows in-page navigation", () => {
    const moved = { videoDetails: { videoId: 'T35ba_VXkMY' } };
    const player = { getPlayerResponse: () => moved };
    expect(readPlayerSnapshot(pageWindow({ ytInitialPlayerResponse: RESPONSE }, player), undefined)?.playerResponse).toStrictEqual(moved);
  });

  it('says nothing before the player knows its video', () => {
    expect(readPlayerSnapshot(pageWindow({ ytInitialPlayerResponse: { videoDetails: {} } }), undefined)).toBeUndefined();
  });
});
