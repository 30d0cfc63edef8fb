/** The page a panel component sits in, for component tests: a watch page in happy-dom, the real player module on its main video, and the panel's page access with the player's seeks, copies and saves watched. */
import type { ComponentChildren, VNode } from 'preact';
import { vi, type MockInstance } from 'vitest';
import { PageContext, type PageAccess } from '../../components/page-context';
import { createYouTubePlayer, type Player } from '../../lib/youtube/player';
import { buildWatchPage } from './watch-page';

export interface PanelPage {
  /** The main player's `<video>`, at the `playingAt` second asked for. */
  video: HTMLVideoElement;
  player: Player;
  seek: MockInstance<Player['seek']>;
  /** What the panel reaches through context: `copyText` resolves, `saveFile` does nothing; both are mocks. */
  page: PageAccess;
  /** `ui` inside this page's `PageContext`. */
  inPage: (ui: ComponentChildren) => VNode;
}

/** Builds the watch page in `document` (replacing its body) and the page access around it. */
export function buildPanelPage({ playingAt = 0 }: { playingAt?: number } = {}): PanelPage {
  const video = buildWatchPage(document);
  video.currentTime = playingAt;
  const player = createYouTubePlayer(document);
  const seek = vi.spyOn(player, 'seek');
  const page: PageAccess = { player, copyText: vi.fn(() => Promise.resolve()), saveFile: vi.fn() };
  return { video, player, seek, page, inPage: (ui) => <PageContext.Provider value={page}>{ui}</PageContext.Provider> };
}
