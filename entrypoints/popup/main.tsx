import { browser } from '#imports';
import { render } from 'preact';
import { PopupStatus, type PageCoverage, type YouTubeAccess } from '../../components/PopupStatus';
import type { DatasetStatus } from '../../lib/imports/job';
import { isPageResponse } from '../../lib/messaging/guards';
import { sendRequest } from '../../lib/messaging/client';

const root = document.getElementById('app')!;
let status: DatasetStatus | null = null;
let page: PageCoverage | null = null;
let youtubeAccess: YouTubeAccess = 'granted';
// The content scripts' matches: granted at install, but the user can withdraw them.
const youtubeOrigins = (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);

async function allowYouTube(): Promise<void> {
  try {
    if (await browser.permissions.request({ origins: youtubeOrigins })) youtubeAccess = 'granted-now';
  } catch {
    // Refused or not asked: the message and its button stay.
  }
  draw();
}

/** Asks the active tab's content script (present only on YouTube) which video it shows. */
async function findPageCoverage(): Promise<PageCoverage> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { kind: 'not-youtube' };
  let answer: unknown;
  try {
    answer = await browser.tabs.sendMessage(tab.id, { type: 'getPageVideo' });
  } catch {
    return { kind: 'not-youtube' }; // no content script there
  }
  if (!isPageResponse(answer)) return { kind: 'not-youtube' };
  if (answer.videoId === null) return { kind: 'no-video' };
  const info = await sendRequest({ type: 'getVideoInfo', videoId: answer.videoId });
  return info.status === 'found'
    ? { kind: 'covered', title: info.video.title, segmentCount: info.video.segmentCount }
    : { kind: 'not-covered' };
}

function draw(): void {
  render(
    <PopupStatus
      status={status}
      page={page}
      youtubeAccess={youtubeAccess}
      onAllowYouTube={() => void allowYouTube()}
      onOpenOptions={() => {
        void browser.runtime.openOptionsPage();
        window.close();
      }}
    />,
    root,
  );
}

draw();
void sendRequest({ type: 'getDatasetStatus' }).then((next) => {
  status = next;
  draw();
});
void findPageCoverage().then((next) => {
  page = next;
  draw();
});
// getAll, not contains: Chrome's contains() says false for content-script origins it has granted.
void browser.permissions.getAll().then(({ origins = [] }) => {
  youtubeAccess = youtubeOrigins.every((origin) => origins.includes(origin)) ? 'granted' : 'missing';
  draw();
});
