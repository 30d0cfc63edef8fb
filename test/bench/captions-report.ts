/** Figure 6 of the report: YouTube captions, parsed and opened from the cache, against the dataset lookup. */
import type { BenchResults } from './results';
import { summarize, type Summary } from './stats';
import { count, formatTable, ms, ratio } from './table';

export const CAPTIONS_TARGETS = {
  /** Parsing a 2-hour video's answer, median. */
  parseMedianMs: 20,
  /** Opening it from the captions cache ÷ the dataset lookup of a 450-segment video, medians. */
  openRatio: 2,
} as const;

export interface CaptionsFigure {
  parsePanel: Summary;
  parseJson3: Summary;
  openFromCache: Summary;
  /** The dataset lookup of the same run (the smallest size): `getTranscript(db, id, datasetId)`. */
  datasetLookup: Summary | null;
  datasetRows: number | null;
  openRatio: number | null;
  targets: { parse: boolean; open: boolean | null };
}

export function summarizeCaptions(results: BenchResults): CaptionsFigure {
  const { captions } = results;
  const parsePanel = summarize(captions.parsePanel);
  const parseJson3 = summarize(captions.parseJson3);
  const openFromCache = summarize(captions.openFromCache);
  const size = results.sizes[0];
  const datasetLookup = size ? summarize(size.lookup.ours) : null;
  const openRatio = datasetLookup ? openFromCache.median / datasetLookup.median : null;
  return {
    parsePanel,
    parseJson3,
    openFromCache,
    datasetLookup,
    datasetRows: size?.lookup.rows ?? null,
    openRatio,
    targets: {
      parse: Math.max(parsePanel.median, parseJson3.median) <= CAPTIONS_TARGETS.parseMedianMs,
      open: openRatio === null ? null : openRatio <= CAPTIONS_TARGETS.openRatio,
    },
  };
}

const verdict = (met: boolean): string => (met ? 'MET' : 'MISSED');

export function formatCaptionsSection(results: BenchResults, figure: CaptionsFigure): string {
  const { captions, config } = results;
  const spec = config.captions;
  const hours = (spec.durationSeconds / 3600).toFixed(1);
  const row = (label: string, s: Summary, against: Summary | null): string[] => [
    label,
    ms(s.median),
    ms(s.p95),
    ms(s.max),
    String(s.n),
    against ? ratio(s.median, against.median) : '',
  ];
  const rows = [
    row(`parse get_panel answer (${count(captions.panelChars / 1000)} k chars, JSON.parse included)`, figure.parsePanel, null),
    row(`parse json3 (${count(captions.json3Chars / 1000)} k chars)`, figure.parseJson3, null),
    row(`open from the captions cache (${count(captions.cachedVideos)} such videos cached)`, figure.openFromCache, figure.datasetLookup),
  ];
  if (figure.datasetLookup) {
    rows.push(row(`dataset lookup, ${config.lookupVideoSegments} segments, ${count(figure.datasetRows ?? 0)} rows (figure 1)`, figure.datasetLookup, null));
  }
  return [
    `6. YouTube captions of a ${hours}-hour video the dataset lacks (${count(captions.lines)} lines, ${captions.chapters} chapters)`,
    '   Parsing: text as YouTube sends it → lines with ends and chapters (parsePanelResponse, parseTimedText). Opening:',
    "   readCachedCaptions(db, id, {}), the background's read when the video opens again (it also marks the video as",
    '   recently opened, a write in the same transaction). Synthetic words from the sample; the answers are built in',
    "   YouTube's shapes by test/fixtures/captions/youtube-answers.ts.",
    '',
    formatTable(['what', 'median ms', 'p95 ms', 'max ms', 'n', '÷ dataset lookup'], rows),
    '',
    `   Target: parsing ≤ ${CAPTIONS_TARGETS.parseMedianMs} ms → ${verdict(figure.targets.parse)}` +
      ` (${ms(figure.parsePanel.median)} / ${ms(figure.parseJson3.median)} ms);` +
      ` opening ≤ ${CAPTIONS_TARGETS.openRatio}× the dataset lookup → ` +
      (figure.targets.open === null ? 'not checked (no dataset run)' : `${verdict(figure.targets.open)} (${ratio(figure.openFromCache.median, figure.datasetLookup?.median ?? Number.NaN)})`),
  ].join('\n');
}
