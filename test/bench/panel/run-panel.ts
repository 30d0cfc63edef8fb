/**
 * The panel bench's whole run: the probe bundled, the dataset written, both
 * browsers launched, the figures taken. Needs the built extension
 * (`.output/chrome-mv3`, which `npm run bench` builds first).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPageBundle } from '../build-bundle';
import { toJsonLines, type SampleVocabulary } from '../shared/synthetic';
import { launchPanelBrowsers } from './browsers';
import { panelBenchRows } from './dataset';
import { benchVideos, runPanelBench, type PanelBenchResult, type PanelBenchSpec } from './panel-bench';

const PANEL_DIR = path.dirname(fileURLToPath(import.meta.url));

export const PANEL_SPEC: PanelBenchSpec = {
  runs: 7,
  // A quick YouTube: its watch-page fetch takes a few hundred ms on a good line.
  fetchMs: 150,
  settleMs: 1_500,
  query: 'the model learns',
  typingRounds: 3,
  tracedRounds: 3,
  scrollSteps: 60,
  seeks: 20,
};

export async function runPanel(options: {
  repoDir: string;
  tempDir: string;
  vocabulary: SampleVocabulary;
  seed: number;
  extensionDir?: string | undefined;
  log: (message: string) => void;
}): Promise<PanelBenchResult> {
  const probe = await buildPageBundle(path.join(options.tempDir, 'probe'), {
    entry: path.join(PANEL_DIR, 'probe-page.ts'),
    fileName: 'probe-page.js',
  });
  const rows = panelBenchRows(options.vocabulary, options.seed);
  options.log(`panel bench: the extension downloads a ${rows.length}-row dataset…`);
  const browsers = await launchPanelBrowsers({ repoDir: options.repoDir, probe, jsonl: toJsonLines(rows), rows: rows.length, extensionDir: options.extensionDir, log: options.log });
  try {
    const only = process.env.BENCH_PANEL_VIDEOS?.split(',');
    const videos = benchVideos(rows).filter((video) => only === undefined || only.includes(video.label.split(' ')[0]!));
    return await runPanelBench(browsers, videos, PANEL_SPEC, options.log);
  } finally {
    await browsers.close();
  }
}
