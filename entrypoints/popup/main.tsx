import { browser } from '#imports';
import { render } from 'preact';
import { PopupStatus, type PageCoverage } from '../../components/PopupStatus';
import type { DatasetStatus } from '../../lib/imports/job';
import { isPageResponse } from '../../lib/messaging/guards';
import { sendRequest } from '../../lib/messaging/client';

const root = document.getElementById('app')!;
let status: DatasetStatus | null = null;
let page: PageCoverage | null = null;

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
