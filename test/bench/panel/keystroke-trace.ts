/**
 * What each keystroke costs the page's main thread, read from Chromium's own
 * trace (CDP `Tracing`, categories `toplevel` and `devtools.timeline`) while
 * the bench types: the renderer's main-thread tasks, and in which of them the
 * keystroke's `input` event was dispatched. The in-page probe cannot tell a
 * keystroke's own task from a frame Chromium renders before the probe's next
 * task, nor from time the thread sat idle waiting for that frame; the trace
 * can (issue 11). Times are the trace's, in milliseconds.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface KeystrokeWork {
  /** The task that dispatched the keystroke's `input` event: the browser's editing and every `input` handler, the renders they cause included. */
  task: number;
  /** Every main-thread task from that one until the next keystroke's (the last: until the trace ends): the frame that shows it, a search and its hits drawn, garbage collected. */
  work: number;
  /** The longest of those tasks. */
  longest: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

const CATEGORIES = 'toplevel,devtools.timeline';
const TASK = 'ThreadControllerImpl::RunTask';

async function readStream(session: CDPSession, handle: string): Promise<string> {
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle, size: 1 << 20 });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle });
  return text;
}

/** Runs `act` (typing) under a trace of the page's renderer; returns what each keystroke's `input` event cost. */
export async function traceKeystrokes(page: Page, act: () => Promise<void>): Promise<KeystrokeWork[]> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
    await act();
    const complete = new Promise<string | undefined>((resolve) => session.once('Tracing.tracingComplete', (event) => resolve(event.stream)));
    await session.send('Tracing.end');
    const stream = await complete;
    if (stream === undefined) throw new Error('the trace came back without a stream');
    const parsed = JSON.parse(await readStream(session, stream)) as TraceEvent[] | { traceEvents: TraceEvent[] };
    return keystrokeWork(Array.isArray(parsed) ? parsed : parsed.traceEvents);
  } finally {
    await session.detach();
  }
}

/** From a trace's events to each keystroke's cost. Pure. */
export function keystrokeWork(events: readonly TraceEvent[]): KeystrokeWork[] {
  const inputs = events.filter((event) => event.ph === 'X' && event.name === 'EventDispatch' && event.args?.data?.type === 'input');
  const first = inputs[0];
  if (!first) return [];
  // The page's main thread: the one that dispatched the keystrokes.
  const onThread = (event: TraceEvent) => event.pid === first.pid && event.tid === first.tid;
  const tasks: TraceEvent[] = [];
  for (const event of events.filter((candidate) => candidate.ph === 'X' && candidate.name === TASK && onThread(candidate)).sort((a, b) => a.ts - b.ts)) {
    const last = tasks[tasks.length - 1];
    // A task run inside another (a nested run loop) is part of it.
    if (!last || event.ts >= last.ts + (last.dur ?? 0)) tasks.push(event);
  }
  const end = (task: TraceEvent) => task.ts + (task.dur ?? 0);
  const inputTasks = inputs
    .filter(onThread)
    .map((input) => tasks.find((task) => task.ts <= input.ts && end(task) >= input.ts))
    .filter((task, index, all): task is TraceEvent => task !== undefined && all.indexOf(task) === index);
  return inputTasks.map((task, index) => {
    const until = inputTasks[index + 1]?.ts ?? Number.POSITIVE_INFINITY;
    const caused = tasks.filter((other) => other.ts >= task.ts && other.ts < until).map((other) => (other.dur ?? 0) / 1000);
    return { task: (task.dur ?? 0) / 1000, work: caused.reduce((sum, ms) => sum + ms, 0), longest: Math.max(...caused) };
  });
}
