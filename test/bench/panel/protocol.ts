/**
 * What the panel bench's Node side and its in-page probe (probe-page.ts) pass
 * to each other through `page.evaluate`. Types only; times are the page's
 * `performance.now()` in milliseconds.
 */

export interface DrawnTimes {
  /** The mutation that completed the panel's list. */
  dom: number;
  /** The start of the next frame: the one that shows it. */
  frame: number;
}

/** What one event (a keystroke, a playback update) cost the page's thread. */
export interface TaskCost {
  start: number;
  /** To the end of the event's task. */
  task: number;
  /** To the end of the next frame's work: the result on screen. */
  painted: number;
}

export interface ProbeMarks {
  navigateStart: number;
  navigateFinish: number;
  /** When `#secondary-inner` first existed. */
  sidebar: number;
  /** The start of the frame after that: the page alone's baseline of a load. */
  sidebarFrame: number;
}

export interface PanelProbeApi {
  now: () => number;
  marks: () => ProbeMarks;
  /** Resolves once the panel's first segment reads `text` (any, if undefined). */
  waitDrawn: (text: string | undefined, timeoutMs: number) => Promise<DrawnTimes>;
  /** The first list the panel drew since the page loaded. */
  firstDrawn: () => Promise<DrawnTimes>;
  /** The longest task overlapping [from, to], or 0. */
  longestTask: (from: number, to: number) => number;
  /** The costs of the `input` events since the last call. */
  takeInputs: () => TaskCost[];
  /** The costs of the main video's `timeupdate` events since the last call. */
  takeTimeUpdates: () => TaskCost[];
  /** Scrolls the segment list from top to bottom in `steps`, one per frame; returns the frame intervals. */
  scrollThrough: (steps: number) => Promise<number[]>;
  /** Seeks the main video to each time in turn, two frames apart. */
  seekThrough: (times: readonly number[]) => Promise<void>;
}

declare global {
  interface Window {
    ytsProbe?: PanelProbeApi;
  }
}
