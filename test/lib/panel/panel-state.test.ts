import { describe, expect, it } from 'vitest';
import { HIDDEN_PANEL, isHelpedByPlayerCaptions, type PanelState } from '../../../lib/panel/panel-state';
import type { TrackInfo } from '../../../lib/youtube/captions/tracks';
import type { VideoId } from '../../../lib/youtube/url';

const VIDEO = 'Xk3pQ9vT2mA' as VideoId;
const GERMAN: TrackInfo = { id: '.de', languageCode: 'de', isAutomatic: false, name: 'Deutsch' };
const ENGLISH: TrackInfo = { id: '.en', languageCode: 'en', isAutomatic: false, name: 'English' };
const ENGLISH_AUTO: TrackInfo = { id: 'a.en', languageCode: 'en', isAutomatic: true, name: 'English (auto-generated)' };

/** The panel after English captions failed, with German listed first. */
const failed = (trackId: string | undefined): PanelState => ({
  kind: 'captions-failed',
  videoId: VIDEO,
  details: 'get_panel: HTTP 400',
  tracks: [GERMAN, ENGLISH, ENGLISH_AUTO],
  trackId,
  playerCanHelp: true,
});

describe('isHelpedByPlayerCaptions', () => {
  it.each<[string, PanelState, { videoId: string; languageCode: string; isAutomatic: boolean }, boolean]>([
    ['the track that failed, loaded by the player', failed('.en'), { videoId: VIDEO, languageCode: 'en', isAutomatic: false }, true],
    ['the first track listed, not the one that failed', failed('.en'), { videoId: VIDEO, languageCode: 'de', isAutomatic: false }, false],
    ['the automatic track beside the failed manual one', failed('.en'), { videoId: VIDEO, languageCode: 'en', isAutomatic: true }, false],
    ["the previous video's captions", failed('.en'), { videoId: 'T35ba_VXkMY', languageCode: 'en', isAutomatic: false }, false],
    ['any captions, when no track was named', failed(undefined), { videoId: VIDEO, languageCode: 'de', isAutomatic: false }, false],
    ['a track the failure did not list', failed('.fr'), { videoId: VIDEO, languageCode: 'fr', isAutomatic: false }, false],
    ['any captions, when the panel shows a transcript or nothing', HIDDEN_PANEL, { videoId: VIDEO, languageCode: 'en', isAutomatic: false }, false],
  ])('%s', (_label, state, target, expected) => {
    expect(isHelpedByPlayerCaptions(state, target)).toBe(expected);
  });
});
