import { describe, expect, it } from 'vitest';
import { buildPanelRequest, findPanelParams } from '../../../../lib/youtube/captions/panel-request';
import { readFixtureJson } from './read-fixture';

const VIDEO = 'Xk3pQ9vT2mA';

describe('findPanelParams', () => {
  const initialData = readFixtureJson('initial-data.json');

  it("reads the transcript panel's params from the page's data", () => {
    expect(findPanelParams(initialData, VIDEO)).toBe('qgkRCgtYazNwUTl2VDJtQRgBKAE=');
  });

  it.each([
    ['page data of another video (stale after in-page navigation)', initialData, 'T35ba_VXkMY'],
    ['no page data', undefined, VIDEO],
    ['not an object', 'ytInitialData', VIDEO],
    ['an array', [initialData], VIDEO],
    ['the endpoint of another panel', { currentVideoEndpoint: { watchEndpoint: { videoId: VIDEO } }, a: { showEngagementPanelEndpoint: { identifier: { tag: 'engagement-panel-comments-section' }, globalConfiguration: { params: 'x' } } } }, VIDEO],
    ['params of the wrong type', { currentVideoEndpoint: { watchEndpoint: { videoId: VIDEO } }, a: { showEngagementPanelEndpoint: { identifier: { tag: 'PAmodern_transcript_view' }, globalConfiguration: { params: 42 } } } }, VIDEO],
    ['empty params', { currentVideoEndpoint: { watchEndpoint: { videoId: VIDEO } }, a: { showEngagementPanelEndpoint: { identifier: { tag: 'PAmodern_transcript_view' }, globalConfiguration: { params: '' } } } }, VIDEO],
  ])('must not match: %s', (_label, data, videoId) => {
    expect(findPanelParams(data, videoId)).toBeUndefined();
  });

  it('survives a cyclic structure without looping forever', () => {
    const data: Record<string, unknown> = { currentVideoEndpoint: { watchEndpoint: { videoId: VIDEO } } };
    data.self = data;
    expect(findPanelParams(data, VIDEO)).toBeUndefined();
  });
});

describe('buildPanelRequest', () => {
  it('asks for the modern transcript panel as the watch page does', () => {
    expect(buildPanelRequest('jNQXAC9IVRw', { clientVersion: '2.20261120.01.00', hl: 'de', gl: 'CH' })).toEqual({
      path: '/youtubei/v1/get_panel?prettyPrint=false',
      body: {
        context: { client: { clientName: 'WEB', clientVersion: '2.20261120.01.00', hl: 'de', gl: 'CH' } },
        panelId: 'PAmodern_transcript_view',
        params: 'qgkPCgtqTlFYQUM5SVZSdxgB',
      },
    });
  });

  it("uses the page's params when it has them, and leaves out what ytcfg lacked", () => {
    expect(buildPanelRequest(VIDEO, { clientVersion: '2.2026' }, 'PAGE_PARAMS').body).toEqual({
      context: { client: { clientName: 'WEB', clientVersion: '2.2026' } },
      panelId: 'PAmodern_transcript_view',
      params: 'PAGE_PARAMS',
    });
  });
});

describe('findPanelParams and buildPanelRequest: what to leave out', () => {
  const endpoint = (params: string) => ({
    showEngagementPanelEndpoint: { identifier: { tag: 'PAmodern_transcript_view' }, globalConfiguration: { params } },
  });
  const pageData = (buttons: unknown[]) => ({ currentVideoEndpoint: { watchEndpoint: { videoId: VIDEO } }, buttons });

  it.each([
    ['the empty one first', [endpoint(''), endpoint('GOOD')]],
    ['the empty one last', [endpoint('GOOD'), endpoint('')]],
  ])('skips a transcript button with empty params: %s', (_label, buttons) => {
    expect(findPanelParams(pageData(buttons), VIDEO)).toBe('GOOD');
  });

  it('sends no empty language or region', () => {
    expect(buildPanelRequest(VIDEO, { clientVersion: '2.2026', hl: '', gl: '' }, 'P').body.context).toStrictEqual({
      client: { clientName: 'WEB', clientVersion: '2.2026' },
    });
  });
});
