/**
 * The stand-in www.youtube.com (./stand-in/) in Playwright: every http(s)
 * request of a browser context is answered by route handlers, so nothing
 * reaches the network.
 */
import type { BrowserContext, Route } from 'playwright-core';
import { answerStandInRequest, createStandInLog, type StandInLog } from './stand-in/responses';

export { ORIGIN, VIDEO_PATH, watchUrl, type StandInApi } from './stand-in/page';
export type { StandInLog } from './stand-in/responses';

async function handle(route: Route, log: StandInLog): Promise<void> {
  const request = route.request();
  const answer = await answerStandInRequest(
    { url: request.url(), method: request.method(), body: request.postData() ?? undefined, headers: request.headers() },
    log,
  );
  if (answer.kind === 'abort') await route.abort('blockedbyclient');
  else await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
}

/** Answers every http(s) request of `context`: youtube.com from the stand-in, anything else aborted. */
export async function installYouTubeStandIn(context: BrowserContext): Promise<StandInLog> {
  const log = createStandInLog();
  await context.route(
    (url) => url.protocol === 'https:' || url.protocol === 'http:',
    (route) => handle(route, log),
  );
  return log;
}
