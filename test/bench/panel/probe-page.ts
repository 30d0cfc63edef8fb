/**
 * The in-page probe of the panel bench: bundled by Vite and installed in the
 * stand-in youtube.com's main world before the page's own scripts, so every
 * time is the page's `performance.now()`, never Node's. It records the
 * navigation events, when YouTube's sidebar appears, long tasks (Long Tasks
 * API: any task of the page's thread, the extension's isolated world
 * included), and the cost of each keystroke and playback update; Node asks
 * it when the panel is drawn.
 */
import type { DrawnTimes, PanelProbeApi, TaskCost } from './protocol';

const SIDEBAR = 'ytd-watch-flexy #secondary-inner';
const PANEL_HOST = '[data-transcript-search]';
const SEGMENT_LIST = '[aria-label="Transcript segments"]';

const state = {
  navigateStart: Number.NaN,
  navigateFinish: Number.NaN,
  sidebar: Number.NaN,
  sidebarFrame: Number.NaN,
  longTasks: [] as { start: number; duration: number }[],
  inputs: [] as TaskCost[],
  timeUpdates: [] as TaskCost[],
};

new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) state.longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const nextMessage = (): Promise<number> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve(performance.now());
    channel.port2.postMessage(null);
  });
const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/**
 * The work an event caused: from the start of its dispatch (a capture
 * listener on window runs first) to the end of its task (a message posted
 * then arrives after it), and to the next frame's start plus that frame's
 * own work (style, layout) — the moment a viewer can see the result.
 */
function measureTask(into: TaskCost[]): void {
  const start = performance.now();
  void nextMessage().then((taskEnd) => {
    void nextFrame()
      .then(() => nextMessage())
      .then((painted) => into.push({ start, task: taskEnd - start, painted: painted - start }));
  });
}

window.addEventListener('input', () => measureTask(state.inputs), { capture: true });
document.addEventListener(
  'timeupdate',
  (event) => {
    if (event.target instanceof HTMLVideoElement && event.target.matches('#movie_player video')) measureTask(state.timeUpdates);
  },
  { capture: true },
);
window.addEventListener('yt-navigate-start', () => (state.navigateStart = performance.now()), { capture: true });
window.addEventListener('yt-navigate-finish', () => (state.navigateFinish = performance.now()), { capture: true });

const sidebarWatch = new MutationObserver(() => {
  if (document.querySelector(SIDEBAR)) {
    state.sidebar = performance.now();
    sidebarWatch.disconnect();
    void nextFrame().then((frame) => (state.sidebarFrame = frame));
  }
});
sidebarWatch.observe(document, { childList: true, subtree: true });

const panelRoot = (): ShadowRoot | null => document.querySelector(`${SIDEBAR} > ${PANEL_HOST}`)?.shadowRoot ?? null;

/** The text of the panel's first segment button, when the panel sits in the sidebar and lists segments. */
function firstSegmentText(): string | undefined {
  return panelRoot()?.querySelector(`${SEGMENT_LIST} button`)?.textContent ?? undefined;
}

/**
 * Watches the document and the panel's shadow root until the panel's first
 * segment reads `text` (any text when omitted): when its DOM was complete,
 * and the next frame's start.
 */
function waitDrawn(text: string | undefined, timeoutMs: number): Promise<DrawnTimes> {
  return new Promise((resolve, reject) => {
    const observed = new Set<Node>();
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`the panel did not show "${text ?? 'a segment'}" within ${timeoutMs} ms`));
    }, timeoutMs);
    function watch(node: Node): void {
      if (observed.has(node)) return;
      observed.add(node);
      observer.observe(node, { childList: true, subtree: true, characterData: true });
    }
    function check(): void {
      const root = panelRoot();
      if (root) watch(root);
      const shown = firstSegmentText();
      if (shown === undefined || (text !== undefined && !shown.includes(text))) return;
      const dom = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      void nextFrame().then((frame) => resolve({ dom, frame }));
    }
    watch(document);
    check();
  });
}

// A page load: the first list the panel draws, watched from the document's start.
const firstDrawn = waitDrawn(undefined, 60_000);
firstDrawn.catch(() => undefined);

const segmentList = (): HTMLElement => {
  const list = panelRoot()?.querySelector<HTMLElement>(SEGMENT_LIST);
  if (!list) throw new Error('no segment list in the panel');
  return list;
};

const api: PanelProbeApi = {
  now: () => performance.now(),
  marks: () => ({
    navigateStart: state.navigateStart,
    navigateFinish: state.navigateFinish,
    sidebar: state.sidebar,
    sidebarFrame: state.sidebarFrame,
  }),
  waitDrawn,
  firstDrawn: () => firstDrawn,
  longestTask: (from, to) =>
    state.longTasks.filter((task) => task.start + task.duration >= from && task.start <= to).reduce((max, task) => Math.max(max, task.duration), 0),
  takeInputs: () => state.inputs.splice(0),
  takeTimeUpdates: () => state.timeUpdates.splice(0),
  async scrollThrough(steps) {
    const list = segmentList();
    const frames: number[] = [];
    let last = await nextFrame();
    for (let step = 1; step <= steps; step += 1) {
      list.scrollTop = ((list.scrollHeight - list.clientHeight) * step) / steps;
      const now = await nextFrame();
      frames.push(now - last);
      last = now;
    }
    return frames;
  },
  async seekThrough(times) {
    const video = document.querySelector<HTMLVideoElement>('#movie_player video.html5-main-video');
    if (!video) throw new Error('no main video');
    for (const seconds of times) {
      await new Promise<void>((resolve) => {
        video.addEventListener('seeked', () => resolve(), { once: true });
        video.currentTime = seconds;
      });
      await nextFrame();
      await nextFrame();
    }
  },
};

window.ytsProbe = api;
