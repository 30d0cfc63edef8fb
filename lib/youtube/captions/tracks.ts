/**
 * The caption tracks a player response lists, which one to show first, and
 * their names. Pure.
 */
import { readArray, readString, readText } from './json-reader';
import { PLAYER_RESPONSE, TIMEDTEXT_PATH } from './shapes';

export interface CaptionTrack {
  /** Stable within a video: YouTube's `vssId` (".en", "a.en", ".en.xyz"), else built from language and kind. */
  id: string;
  languageCode: string;
  isAutomatic: boolean;
  /** YouTube's own name for it ("English", "English (auto-generated)"). */
  name: string;
  /** Where the player fetches it (same origin); absent when the page gave none we would request. */
  baseUrl?: string | undefined;
}

/** A track as shown and kept: no `baseUrl` (signed, it expires within hours). */
export type TrackInfo = Omit<CaptionTrack, 'baseUrl'>;

const LANGUAGE_CODE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;
const AUTOMATIC_SUFFIX = ' (auto-generated)';

/** A `baseUrl` we would fetch: YouTube's timed-text endpoint on the page's own origin, absolute. */
function readBaseUrl(value: string | undefined, origin: string): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value, origin);
    return url.origin === origin && url.pathname === TIMEDTEXT_PATH ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A language's name in English ("English", "Brazilian Portuguese"), or its code. */
function nameLanguage(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The name YouTube would show for a track without one. */
export function nameTrack(languageCode: string, isAutomatic: boolean): string {
  return nameLanguage(languageCode) + (isAutomatic ? AUTOMATIC_SUFFIX : '');
}

/**
 * The tracks of a player response, in YouTube's order, without malformed
 * entries or repeated ids. `origin` is the page's (baseUrls elsewhere are dropped).
 */
export function parseCaptionTracks(playerResponse: unknown, origin = 'https://www.youtube.com'): CaptionTrack[] {
  const tracks: CaptionTrack[] = [];
  const seen = new Set<string>();
  for (const entry of readArray(playerResponse, PLAYER_RESPONSE.captionTracks)) {
    const fields = PLAYER_RESPONSE.track;
    const languageCode = readString(entry, fields.languageCode);
    if (languageCode === undefined || !LANGUAGE_CODE.test(languageCode)) continue;
    const isAutomatic = readString(entry, fields.kind) === PLAYER_RESPONSE.automaticKind;
    const id = readString(entry, fields.vssId) ?? `${isAutomatic ? 'a' : ''}.${languageCode}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const name = readText(entry, fields.name)?.replace(/\s+/g, ' ').trim();
    tracks.push({
      id,
      languageCode,
      isAutomatic,
      name: name || nameTrack(languageCode, isAutomatic),
      baseUrl: readBaseUrl(readString(entry, fields.baseUrl), origin),
    });
  }
  return tracks;
}

function primarySubtag(code: string): string {
  return code.toLowerCase().split('-')[0]!;
}

function tracksInLanguage(tracks: readonly CaptionTrack[], language: string): CaptionTrack[] {
  const exact = tracks.filter((track) => track.languageCode.toLowerCase() === language.toLowerCase());
  if (exact.length > 0) return exact;
  return tracks.filter((track) => primarySubtag(track.languageCode) === primarySubtag(language));
}

/**
 * The track to show first: a manual track in the first of the viewer's
 * languages that has one, else that language's automatic track, then the
 * first manual track, then the first track.
 */
export function chooseTrack(tracks: readonly CaptionTrack[], languages: readonly string[]): CaptionTrack | undefined {
  for (const language of languages) {
    const candidates = tracksInLanguage(tracks, language);
    const chosen = candidates.find((track) => !track.isAutomatic) ?? candidates[0];
    if (chosen) return chosen;
  }
  return tracks.find((track) => !track.isAutomatic) ?? tracks[0];
}

/**
 * Whether the transcript panel (`get_panel` in the track's language) shows
 * this track: YouTube's panel prefers a language's manual track, and shows
 * the automatic one only where there is no manual one.
 */
export function isPanelTrack(track: CaptionTrack, tracks: readonly CaptionTrack[]): boolean {
  if (!track.isAutomatic) return tracks.find((other) => other.languageCode === track.languageCode && !other.isAutomatic) === track;
  return !tracks.some((other) => other.languageCode === track.languageCode && !other.isAutomatic);
}
