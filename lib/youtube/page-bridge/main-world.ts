/**
 * Runs in the page's main world (a `world: 'MAIN'` content script), where the
 * player and ytcfg live. It only hands data OUT, as JSON strings in events on
 * `document`: the current player response (cut to its captions), ytcfg's
 * client, the transcript panel's params, and the timed-text answers the
 * player itself fetches. It takes no input: the one event it listens to
 * makes it say again what the player shows now. Each timed-text answer is
 * sent once, as it comes (up to megabytes each; the content script starts
 * with the document too, so it is listening by then), and not kept here.
 */
import { copyPaths, readPath, readString } from '../captions/json-reader';
import { findPanelParams } from '../captions/panel-request';
import { NAVIGATION_PAGE_DATA, PLAYER_API, PLAYER_RESPONSE, YTCFG_KEYS } from '../captions/shapes';
import { NAVIGATION_FINISHED_EVENTS } from '../navigation';
import { captureTimedText } from './capture-timedtext';
import { encodePageData, PAGE_DATA_EVENT, PAGE_DATA_REQUEST_EVENT, type CapturedTimedText, type PageDataMessage, type PlayerSnapshot } from './messages';

/** The page globals we read; all optional, all untrusted. */
interface PageGlobals {
  ytcfg?: { get?: (key: string) => unknown; data_?: Record<string, unknown> };
  ytInitialData?: unknown;
  ytInitialPlayerResponse?: unknown;
}

function readYtcfg(globals: PageGlobals, key: string): string | undefined {
  try {
    const value = globals.ytcfg?.get?.(key) ?? globals.ytcfg?.data_?.[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}

function readPlayerResponse(win: Window, globals: PageGlobals): unknown {
  const player = win.document.getElementById(PLAYER_API.elementId) as unknown as Record<string, unknown> | null;
  const method = player?.[PLAYER_API.getPlayerResponse];
  try {
    // The player's own answer stays current through in-page navigation; ytInitialPlayerResponse does not.
    if (typeof method === 'function') return (method as () => unknown).call(player);
  } catch {
    // A player that is not ready yet: the first page's data is the next best.
  }
  return globals.ytInitialPlayerResponse;
}

/** What the page says about the video playing now, or `undefined` before the player knows. */
export function readPlayerSnapshot(win: Window, navigatedPageData: unknown): PlayerSnapshot | undefined {
  const globals = win as unknown as PageGlobals;
  const response = readPlayerResponse(win, globals);
  const videoId = readString(response, PLAYER_RESPONSE.videoId);
  if (videoId === undefined) return undefined;
  return {
    kind: 'player',
    playerResponse: copyPaths(response, [PLAYER_RESPONSE.videoId, PLAYER_RESPONSE.title, PLAYER_RESPONSE.lengthSeconds, PLAYER_RESPONSE.captionTracks]),
    client: {
      clientVersion: readYtcfg(globals, YTCFG_KEYS.clientVersion),
      hl: readYtcfg(globals, YTCFG_KEYS.hl),
      gl: readYtcfg(globals, YTCFG_KEYS.gl),
    },
    panelParams: findPanelParams(navigatedPageData, videoId) ?? findPanelParams(globals.ytInitialData, videoId),
  };
}

/**
 * Runs one listener's work inside the page's own event dispatch: whatever a
 * page object does (a throwing getter, a Proxy), nothing of ours throws into
 * YouTube's code.
 */
function runQuietly(work: () => void): void {
  try {
    work();
  } catch {
    // Page data we cannot read is data we do not pass on.
  }
}

/** Starts publishing. Side effects: listens on `document`, wraps the page's fetch and XMLHttpRequest. */
export function startPageDataPublisher(win: Window & typeof globalThis): void {
  const doc = win.document;
  let navigatedPageData: unknown;

  const publish = (message: PageDataMessage): void => {
    doc.dispatchEvent(new win.CustomEvent(PAGE_DATA_EVENT, { detail: encodePageData(message) }));
  };
  const publishPlayer = (): void => {
    const snapshot = readPlayerSnapshot(win, navigatedPageData);
    if (snapshot) publish(snapshot);
  };

  // The content script asks up to five times per video: the player's small snapshot, never the captured bodies again.
  doc.addEventListener(PAGE_DATA_REQUEST_EVENT, () => runQuietly(publishPlayer));
  for (const type of NAVIGATION_FINISHED_EVENTS) {
    doc.addEventListener(type, (event) =>
      runQuietly(() => {
        navigatedPageData = readPath((event as CustomEvent<unknown>).detail, NAVIGATION_PAGE_DATA);
        publishPlayer();
      }),
    );
  }
  captureTimedText(win, (url, body) => {
    const answer: CapturedTimedText = { kind: 'timedtext', url, body };
    publish(answer);
  });
}
