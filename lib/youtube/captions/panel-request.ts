/**
 * The `get_panel` request the modern transcript panel makes: its params and
 * body. Pure; the request itself is sent by the caller.
 */
import { isJsonObject, readString } from './json-reader';
import { encodeBase64, encodeMessage } from './protobuf';
import {
  PAGE_DATA,
  PANEL_CLIENT_NAME,
  PANEL_ENDPOINT,
  PANEL_PARAMS_FIELD,
  PANEL_PARAMS_FLAG_FIELD,
  PANEL_PARAMS_VIDEO_ID_FIELD,
  TRANSCRIPT_PANEL_ID,
} from './shapes';

/** What the page's ytcfg tells about the client; YouTube answers in `hl`'s language. */
export interface InnertubeClient {
  clientVersion: string;
  hl?: string | undefined;
  gl?: string | undefined;
}

export interface PanelRequest {
  /** Same-origin path: the page's cookies go with it. */
  path: string;
  body: {
    context: { client: { clientName: string; clientVersion: string; hl?: string; gl?: string } };
    panelId: string;
    params: string;
  };
}

/** `params` built from the video id, as YouTube's own panel sends it when the page holds none. */
export function buildPanelParams(videoId: string): string {
  return encodeBase64(
    encodeMessage([
      {
        field: PANEL_PARAMS_FIELD,
        message: [
          { field: PANEL_PARAMS_VIDEO_ID_FIELD, text: videoId },
          { field: PANEL_PARAMS_FLAG_FIELD, varint: 1 },
        ],
      },
    ]),
  );
}

/** Objects visited at most when looking through page data: `ytInitialData` has ~20,000 nodes. */
const MAX_NODES_VISITED = 200_000;

/**
 * The transcript panel's `params` from the page's data (`ytInitialData` or a
 * navigation's page data), only if that data is about `videoId`: page data
 * outlives in-page navigations. Reads, never throws.
 */
export function findPanelParams(pageData: unknown, videoId: string): string | undefined {
  if (readString(pageData, PAGE_DATA.videoId) !== videoId) return undefined;
  const pending: unknown[] = [pageData];
  const seen = new Set<unknown>();
  while (pending.length > 0 && seen.size < MAX_NODES_VISITED) {
    const node = pending.pop();
    if (seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      pending.push(...(node as unknown[]));
      continue;
    }
    if (!isJsonObject(node)) continue;
    const endpoint = node[PAGE_DATA.showPanelEndpointKey];
    if (readString(endpoint, PAGE_DATA.panelTag) === TRANSCRIPT_PANEL_ID) {
      const params = readString(endpoint, PAGE_DATA.panelParams);
      if (params !== undefined && params !== '') return params;
    }
    for (const value of Object.values(node)) if (typeof value === 'object' && value !== null) pending.push(value);
  }
  return undefined;
}

/** The request for `videoId`'s transcript; `params` from {@link findPanelParams} when the page had them. */
export function buildPanelRequest(videoId: string, client: InnertubeClient, params?: string): PanelRequest {
  const context: PanelRequest['body']['context']['client'] = {
    clientName: PANEL_CLIENT_NAME,
    clientVersion: client.clientVersion,
  };
  if (client.hl) context.hl = client.hl;
  if (client.gl) context.gl = client.gl;
  return {
    path: PANEL_ENDPOINT,
    body: { context: { client: context }, panelId: TRANSCRIPT_PANEL_ID, params: params ?? buildPanelParams(videoId) },
  };
}
