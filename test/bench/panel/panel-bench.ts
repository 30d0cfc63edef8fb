/**
 * The panel's speed on the stand-in youtube.com (issue 11), every time taken
 * inside the page by the probe (probe-page.ts): a video opened by in-page
 * navigation and by a full page load, with the page alone measured the same
 * way in the same run; then scrolling, following playback and typing in long
 * transcripts; then the content script's share of the JS heap.
 */
import type { Page } from 'playwright-core';
import { SAMPLE_ROWS } from '../../fixtures/sample';
import { LONG_CAPTIONED, STAND_IN_CAPTIONS } from '../../e2e/stand-in/captions';
import { watchUrl } from '../../e2e/youtube-stand-in';
import type { DatasetRow } from '../shared/synthetic';
import type { PanelBrowsers } from './browsers';
import { HUGE_DATASET_VIDEO, LONG_DATASET_VIDEO } from './dataset';
import { traceKeystrokes, type KeystrokeWork } from './keystroke-trace';
import type { TaskCost } from './protocol';

export interface PanelBenchSpec {
  /** Timed opens per video and way (≥ 7). */
  runs: number;
  /** YouTube's fetch between `yt-navigate-start` and the new page. */
  fetchMs: number;
  /** After the panel is drawn, how long its work (the search index) may still run and count as the open's. */
  settleMs: number;
  /** The query typed, one key at a time, `typingRounds` times per long transcript. */
  query: string;
  typingRounds: number;
  /** Then typed this many times more under Chromium's trace (keystroke-trace.ts), which slows the page a little. */
  tracedRounds: number;
  scrollSteps: number;
  seeks: number;
}

export interface BenchVideo {
  label: string;
  videoId: string;
  segments: number;
  /** The start of its first segment's text, as the panel's first button shows it. */
  firstText: string;
  /** Scroll, follow playback and search in it too. */
  interact: boolean;
}

export interface OpenRuns {
  /** After `yt-navigate-finish` (navigation) or after `#secondary-inner` appeared (load). */
  dom: number[];
  frame: number[];
  /** The longest task from the navigation's start (the page's start) until `settleMs` after the frame. */
  longestTask: number[];
}

export interface VideoFigures {
  video: BenchVideo;
  navigate: OpenRuns;
  load: OpenRuns;
  interaction?: {
    scrollFrames: number[];
    scrollLongestTask: number;
    seeks: TaskCost[];
    seekLongestTask: number;
    keystrokes: TaskCost[];
    /** The first keystroke after opening the video, apart (it may build the search index). */
    firstKeystroke: TaskCost | undefined;
    /** From the traced rounds: each keystroke's own task and the work it caused. */
    keystrokeWork: KeystrokeWork[];
    typingLongestTask: number;
  };
}

export interface PanelBenchResult {
  spec: PanelBenchSpec;
  baseline: {
    navigateFrame: number[];
    loadFrame: number[];
    navigateLongestTask: number[];
    loadLongestTask: number[];
    keystrokes: TaskCost[];
    keystrokeWork: KeystrokeWork[];
  };
  videos: VideoFigures[];
  /** JS heap used after a GC, in bytes: the 4,000-line captions video open, and the page alone on it. */
  memory: { ours: number; alone: number };
}

const TEXT_PREFIX = 24;
const prefixOf = (text: string): string => text.replace(/\s+/g, ' ').trim().slice(0, TEXT_PREFIX);

/** The videos measured: the bundled sample's, a 450-segment and a 50,000-segment dataset video, 4,000 caption lines. */
export function benchVideos(rows: readonly DatasetRow[]): BenchVideo[] {
  const dataset = (label: string, videoId: string, interact: boolean): BenchVideo => {
    const own = rows.filter((row) => row.video_id === videoId).sort((a, b) => a.start_second - b.start_second);
    return { label, videoId, segments: own.length, firstText: prefixOf(own[0]!.text), interact };
  };
  const captions = STAND_IN_CAPTIONS[LONG_CAPTIONED]!.lines.en!;
  return [
    dataset('sample video', 'yexR53My2O4', false),
    dataset('dataset video', LONG_DATASET_VIDEO, true),
    { label: 'captions', videoId: LONG_CAPTIONED, segments: captions.length, firstText: prefixOf(captions[0]!.text), interact: true },
    dataset('pathological', HUGE_DATASET_VIDEO, true),
  ];
}

/** Where each navigation starts from: a small sample video. */
const FROM = { videoId: 'T35ba_VXkMY', firstText: prefixOf(SAMPLE_ROWS.filter((row) => row.video_id === 'T35ba_VXkMY').sort((a, b) => a.start_second - b.start_second)[0]!.text) };
const DRAW_TIMEOUT_MS = 180_000;

const pause = (page: Page, ms: number): Promise<void> => page.waitForTimeout(ms);

async function navigateOurs(page: Page, video: { videoId: string; firstText: string }, spec: PanelBenchSpec) {
  return page.evaluate(
    async ({ href, text, fetchMs, timeout }) => {
      const probe = window.ytsProbe!;
      const drawn = probe.waitDrawn(text, timeout);
      window.ytStandIn.navigate(href, { fetchMs });
      const times = await drawn;
      return { ...times, marks: probe.marks() };
    },
    { href: watchUrl(video.videoId), text: video.firstText, fetchMs: spec.fetchMs, timeout: DRAW_TIMEOUT_MS },
  );
}

async function openByNavigation(page: Page, video: BenchVideo, spec: PanelBenchSpec, into: OpenRuns): Promise<void> {
  await navigateOurs(page, FROM, { ...spec, fetchMs: 0 });
  await pause(page, spec.settleMs);
  const { dom, frame, marks } = await navigateOurs(page, video, spec);
  await pause(page, spec.settleMs);
  into.dom.push(dom - marks.navigateFinish);
  into.frame.push(frame - marks.navigateFinish);
  const range = { from: marks.navigateStart, to: frame + spec.settleMs };
  into.longestTask.push(await page.evaluate(({ from, to }) => window.ytsProbe!.longestTask(from, to), range));
}

async function openByLoad(page: Page, video: BenchVideo, spec: PanelBenchSpec, into: OpenRuns): Promise<void> {
  await page.goto(watchUrl(video.videoId));
  const { dom, frame, marks } = await page.evaluate(async () => ({ ...(await window.ytsProbe!.firstDrawn()), marks: window.ytsProbe!.marks() }));
  await pause(page, spec.settleMs);
  into.dom.push(dom - marks.sidebar);
  into.frame.push(frame - marks.sidebar);
  into.longestTask.push(await page.evaluate((to) => window.ytsProbe!.longestTask(0, to), frame + spec.settleMs));
}

/** The page alone: yt-navigate-finish to the next frame, and the longest task from the navigation's start. */
async function navigateAlone(page: Page, videoId: string, spec: PanelBenchSpec): Promise<{ frame: number; longestTask: number }> {
  const { frame, start } = await page.evaluate(
    ({ href, fetchMs }) =>
      new Promise<{ frame: number; start: number }>((resolve) => {
        document.addEventListener(
          'yt-navigate-finish',
          () =>
            requestAnimationFrame(() => {
              const marks = window.ytsProbe!.marks();
              resolve({ frame: performance.now() - marks.navigateFinish, start: marks.navigateStart });
            }),
          { once: true },
        );
        window.ytStandIn.navigate(href, { fetchMs });
      }),
    { href: watchUrl(videoId), fetchMs: spec.fetchMs },
  );
  await pause(page, spec.settleMs);
  return { frame, longestTask: await page.evaluate((from) => window.ytsProbe!.longestTask(from, Number.POSITIVE_INFINITY), start) };
}

/** The page alone: #secondary-inner to the next frame, and the longest task of the load. */
async function loadAlone(page: Page, videoId: string, spec: PanelBenchSpec): Promise<{ frame: number; longestTask: number }> {
  await page.goto(watchUrl(videoId));
  await page.waitForFunction(() => !Number.isNaN(window.ytsProbe!.marks().sidebarFrame));
  await pause(page, spec.settleMs);
  return page.evaluate(() => {
    const marks = window.ytsProbe!.marks();
    return { frame: marks.sidebarFrame - marks.sidebar, longestTask: window.ytsProbe!.longestTask(0, Number.POSITIVE_INFINITY) };
  });
}

/** Types `query` into `box` one key at a time, and clears it; returns each `input` event's cost (`traced`: from Chromium's trace too). */
async function typeQuery(page: Page, selectBox: () => Promise<void>, query: string, { traced }: { traced: boolean }) {
  await selectBox();
  await page.evaluate(() => window.ytsProbe!.takeInputs());
  const type = async () => {
    await page.keyboard.type(query, { delay: 80 });
    await pause(page, 300);
  };
  let work: KeystrokeWork[] = [];
  if (traced) work = await traceKeystrokes(page, type);
  else await type();
  const costs = await page.evaluate(() => window.ytsProbe!.takeInputs());
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await pause(page, 300);
  return { costs, work };
}

/** The untraced rounds' costs (the first keystroke apart), then the traced rounds' work (the first keystroke apart too). */
async function typeRounds(page: Page, selectBox: () => Promise<void>, spec: PanelBenchSpec) {
  const costs: TaskCost[] = [];
  for (let round = 0; round < spec.typingRounds; round += 1) costs.push(...(await typeQuery(page, selectBox, spec.query, { traced: false })).costs);
  const work: KeystrokeWork[] = [];
  for (let round = 0; round < spec.tracedRounds; round += 1) work.push(...(await typeQuery(page, selectBox, spec.query, { traced: true })).work);
  return { first: costs[0], costs: costs.slice(1), work: work.slice(1) };
}

const panelSearchBox = (page: Page) => page.getByRole('region', { name: 'Transcript' }).getByRole('searchbox', { name: 'Search transcript' });

async function interact(page: Page, video: BenchVideo, spec: PanelBenchSpec): Promise<NonNullable<VideoFigures['interaction']>> {
  await page.goto(watchUrl(video.videoId));
  await page.evaluate(() => window.ytsProbe!.firstDrawn());
  await pause(page, spec.settleMs);
  const now = () => page.evaluate(() => window.ytsProbe!.now());
  const longest = (from: number) => page.evaluate((start) => window.ytsProbe!.longestTask(start, Number.POSITIVE_INFINITY), from);

  const typingStart = await now();
  const typed = await typeRounds(page, () => panelSearchBox(page).click(), spec);
  const typingLongestTask = await longest(typingStart);

  const scrollStart = await now();
  const scrollFrames = await page.evaluate((steps) => window.ytsProbe!.scrollThrough(steps), spec.scrollSteps);
  await pause(page, 300);
  const scrollLongestTask = await longest(scrollStart);

  // Playback moves on: the list follows again once the reader asks for it, as after a seek.
  const lastSecond = Math.min(3_900, video.segments * 3);
  const times = Array.from({ length: spec.seeks }, (_, index) => Math.round(((index + 1) * lastSecond) / (spec.seeks + 1)));
  const seekStart = await now();
  await page.evaluate(() => window.ytsProbe!.takeTimeUpdates());
  await page.evaluate((seconds) => window.ytsProbe!.seekThrough(seconds), times);
  await pause(page, 300);
  const seeks = await page.evaluate(() => window.ytsProbe!.takeTimeUpdates());
  const seekLongestTask = await longest(seekStart);
  return { scrollFrames, scrollLongestTask, seeks, seekLongestTask, keystrokes: typed.costs, firstKeystroke: typed.first, keystrokeWork: typed.work, typingLongestTask };
}

/** The heap used after a garbage collection (CDP), in bytes. */
async function usedHeap(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await session.detach();
  }
}

export async function runPanelBench(
  browsers: PanelBrowsers,
  videos: readonly BenchVideo[],
  spec: PanelBenchSpec,
  log: (message: string) => void,
): Promise<PanelBenchResult> {
  const { ours, alone } = browsers;
  const baseline: PanelBenchResult['baseline'] = { navigateFrame: [], loadFrame: [], navigateLongestTask: [], loadLongestTask: [], keystrokes: [], keystrokeWork: [] };
  await ours.goto(watchUrl(FROM.videoId));
  await ours.evaluate(() => window.ytsProbe!.firstDrawn());
  await alone.goto(watchUrl(FROM.videoId));

  const figures: VideoFigures[] = [];
  for (const video of videos) {
    log(`panel bench: ${video.label} (${video.segments} segments), ${spec.runs} openings each way…`);
    const navigate: OpenRuns = { dom: [], frame: [], longestTask: [] };
    const load: OpenRuns = { dom: [], frame: [], longestTask: [] };
    // One untimed opening each way: the first fetches and caches YouTube's captions.
    await openByNavigation(ours, video, spec, { dom: [], frame: [], longestTask: [] });
    await ours.goto(watchUrl(FROM.videoId));
    for (let run = 0; run < spec.runs; run += 1) {
      await openByNavigation(ours, video, spec, navigate);
      await navigateAlone(alone, FROM.videoId, { ...spec, fetchMs: 0, settleMs: 0 });
      const pageAlone = await navigateAlone(alone, video.videoId, spec);
      baseline.navigateFrame.push(pageAlone.frame);
      baseline.navigateLongestTask.push(pageAlone.longestTask);
    }
    for (let run = 0; run < spec.runs; run += 1) {
      await openByLoad(ours, video, spec, load);
      const pageAlone = await loadAlone(alone, video.videoId, spec);
      baseline.loadFrame.push(pageAlone.frame);
      baseline.loadLongestTask.push(pageAlone.longestTask);
    }
    log(`panel bench: ${video.label}: navigation frame ${JSON.stringify(navigate.frame.map(Math.round))}, load frame ${JSON.stringify(load.frame.map(Math.round))}, longest tasks ${JSON.stringify([...navigate.longestTask, ...load.longestTask].map(Math.round))}`);
    const interaction = video.interact ? await interact(ours, video, spec) : undefined;
    if (interaction) {
      log(`panel bench: ${video.label}: keystroke tasks ${JSON.stringify(interaction.keystrokes.map((cost) => Math.round(cost.task)))}, longest tasks typing ${Math.round(interaction.typingLongestTask)}, scrolling ${Math.round(interaction.scrollLongestTask)}, following ${Math.round(interaction.seekLongestTask)}`);
    }
    figures.push({ video, navigate, load, ...(interaction && { interaction }) });
  }

  const typedAlone = await typeRounds(alone, () => alone.locator('#search').click(), spec);
  baseline.keystrokes.push(...(typedAlone.first ? [typedAlone.first] : []), ...typedAlone.costs);
  baseline.keystrokeWork.push(...typedAlone.work);

  const captions = videos.find((video) => video.videoId === LONG_CAPTIONED);
  if (!captions) return { spec, baseline, videos: figures, memory: { ours: Number.NaN, alone: Number.NaN } };
  log('panel bench: memory with the 4,000-line captions open…');
  await ours.goto(watchUrl(captions.videoId));
  await ours.evaluate(() => window.ytsProbe!.firstDrawn());
  await alone.goto(watchUrl(captions.videoId));
  await pause(ours, spec.settleMs);
  const memory = { ours: await usedHeap(ours), alone: await usedHeap(alone) };
  return { spec, baseline, videos: figures, memory };
}
