/**
 * Every endpoint, identifier and JSON path of YouTube's captions that the
 * extension relies on, with the date each was last seen. When YouTube moves
 * something, this is the file to change (see README.md for where each is used).
 *
 * "Last seen" dates come from public reports and the public code of tools that
 * read these answers; they were not checked against youtube.com from here.
 */

/** Same-origin InnerTube endpoint of the transcript panel. Last seen 2026-08. */
export const PANEL_ENDPOINT = '/youtubei/v1/get_panel?prettyPrint=false';

/** The modern transcript panel's id, in requests and in `ytInitialData`. Last seen 2026-08. */
export const TRANSCRIPT_PANEL_ID = 'PAmodern_transcript_view';

/** The client the watch page itself reports; `clientVersion` comes from the page's ytcfg. Last seen 2026-08. */
export const PANEL_CLIENT_NAME = 'WEB';

/**
 * `get_panel`'s `params` when the page offers none: protobuf field 149 holding
 * `{1: videoId, 3: 1}`. Last seen 2026-08 (YouTube's own request for
 * `jNQXAC9IVRw` was `qgkPCgtqTlFYQUM5SVZSdxgB`).
 */
export const PANEL_PARAMS_FIELD = 149;
export const PANEL_PARAMS_VIDEO_ID_FIELD = 1;
export const PANEL_PARAMS_FLAG_FIELD = 3;

/** The timed-text endpoint the player fetches captions from (`baseUrl` of each track). Last seen 2026-11. */
export const TIMEDTEXT_PATH = '/api/timedtext';

/** In `ytInitialData` (and a navigation's page data): the endpoint that opens the panel, and where its params sit. Last seen 2026-08. */
export const PAGE_DATA = {
  showPanelEndpointKey: 'showEngagementPanelEndpoint',
  panelTag: ['identifier', 'tag'],
  panelParams: ['globalConfiguration', 'params'],
  /** The video the page data is about: params found elsewhere belong to another video. */
  videoId: ['currentVideoEndpoint', 'watchEndpoint', 'videoId'],
} as const;

/** The modern panel's answer (view models). Last seen 2026-08. */
export const MODERN_PANEL = {
  sections: ['content', 'engagementPanelSectionListRenderer', 'content', 'sectionListRenderer', 'contents'],
  section: ['itemSectionRenderer'],
  sectionItems: ['contents'],
  /** A chapter title in a section's header; YouTube also sends chapters as items among the lines. */
  sectionHeaderItem: ['header'],
  item: ['macroMarkersPanelItemViewModel'],
  chapterTitle: ['item', 'timelineChapterViewModel', 'title'],
  lineItems: ['item', 'timelineItemViewModel', 'contentItems'],
  lineSegment: ['transcriptSegmentViewModel'],
  lineText: ['simpleText'],
  /** Display timestamp ("1:05", "1:02:03"): only when the start seconds are missing. */
  lineTimestamp: ['timestamp'],
  startSeconds: ['onTap', 'innertubeCommand', 'watchEndpoint', 'startTimeSeconds'],
  /** The video a line's tap plays: an answer naming another video is not this video's transcript. */
  videoId: ['onTap', 'innertubeCommand', 'watchEndpoint', 'videoId'],
} as const;

/**
 * The older panel generation (renderers, times in ms), as `get_transcript`
 * served it and as YouTube still serves one of its two panel generations.
 * Last seen 2025-12 (`get_transcript` answers 400 since).
 */
export const LEGACY_PANEL = {
  /** Where the transcript renderer may sit: a get_panel answer, or a get_transcript-style action. */
  rendererRoots: [
    ['content', 'engagementPanelSectionListRenderer', 'content', 'transcriptRenderer'],
    ['actions', 0, 'updateEngagementPanelAction', 'content', 'transcriptRenderer'],
  ],
  segments: ['content', 'transcriptSearchPanelRenderer', 'body', 'transcriptSegmentListRenderer', 'initialSegments'],
  line: ['transcriptSegmentRenderer'],
  chapter: ['transcriptSectionHeaderRenderer'],
  startMs: ['startMs'],
  endMs: ['endMs'],
  text: ['snippet'],
  chapterTitle: [
    ['sectionHeader', 'sectionHeaderViewModel', 'headline'],
    ['snippet'],
  ],
} as const;

/** In a player response (`movie_player.getPlayerResponse()`, `ytInitialPlayerResponse`). Last seen 2026-11. */
export const PLAYER_RESPONSE = {
  videoId: ['videoDetails', 'videoId'],
  title: ['videoDetails', 'title'],
  captionTracks: ['captions', 'playerCaptionsTracklistRenderer', 'captionTracks'],
  /** Track fields: `kind` is "asr" for automatic captions; `vssId` ".en" manual, "a.en" automatic. */
  track: { baseUrl: ['baseUrl'], name: ['name'], vssId: ['vssId'], languageCode: ['languageCode'], kind: ['kind'] },
  automaticKind: 'asr',
  lengthSeconds: ['videoDetails', 'lengthSeconds'],
} as const;

/** The page's player element and the method that returns its current player response (main world only). Last seen 2026-11. */
export const PLAYER_API = { elementId: 'movie_player', getPlayerResponse: 'getPlayerResponse' } as const;

/**
 * Where a `yt-navigate-finish` event's `detail` holds the new page's data
 * (what `ytInitialData` is for the first page). Last seen 2026-08.
 */
export const NAVIGATION_PAGE_DATA = ['response', 'response'] as const;

/** Used when the page's ytcfg gives no client version; YouTube accepts a slightly old one. Last seen 2026-11. */
export const FALLBACK_CLIENT_VERSION = '2.20261101.00.00';

/** In ytcfg (`ytcfg.get(key)` in the page). Last seen 2026-11. */
export const YTCFG_KEYS = {
  clientVersion: 'INNERTUBE_CLIENT_VERSION',
  hl: 'HL',
  gl: 'GL',
} as const;

/** json3 timed text: keys of an event and of its segments (one level each). Last seen 2026-11. */
export const JSON3 = {
  events: 'events',
  startMs: 'tStartMs',
  durationMs: 'dDurationMs',
  segs: 'segs',
  segText: 'utf8',
  /** An event that adds to the previous line's window (carries only "\n"). */
  append: 'aAppend',
} as const;

/** XML timed text: srv3 (`<timedtext format="3"><body><p t d>`, ms) and the legacy format (`<transcript><text start dur>`, s). Last seen 2026-11. */
export const TIMEDTEXT_XML = {
  srv3: { line: 'p', start: 't', duration: 'd', unit: 'ms' },
  legacy: { line: 'text', start: 'start', duration: 'dur', unit: 's' },
} as const;

/**
 * The query parameters of a timed-text URL that tell which video and track it
 * is for; `translation` (`tlang`) asks for an automatic translation of the
 * track, which is not the track. Last seen 2026-11.
 */
export const TIMEDTEXT_QUERY = { videoId: 'v', language: 'lang', kind: 'kind', format: 'fmt', translation: 'tlang', experiments: 'exp', proofOfOrigin: 'pot' } as const;

/**
 * `exp` values (comma-separated) of a track address that YouTube serves only
 * with the player's proof-of-origin token (`pot`): without it, an empty 200
 * after a stall of up to ~8 s. Last seen 2026-11.
 */
export const TOKEN_EXPERIMENTS: readonly string[] = ['xpe', 'xpv'];
