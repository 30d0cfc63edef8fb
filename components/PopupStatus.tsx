import { describeFullDataset, isFailureExplained } from '../lib/imports/full-dataset-notice';
import type { DatasetStatus } from '../lib/imports/job';
import { measureImportPercent } from '../lib/imports/job-record';
import { formatCount, plural } from '../lib/format/units';
import './page-theme.css';
import './PopupStatus.css';

/** What the active tab shows, as far as the popup can tell. */
export type PageCoverage =
  | { kind: 'not-youtube' }
  | { kind: 'no-video' }
  | { kind: 'covered'; title: string; segmentCount: number }
  | { kind: 'not-covered' };

/**
 * Whether the extension may run on YouTube: the user can take that back (Chrome's
 * site access, Firefox's add-on permissions), and then no panel appears.
 */
export type YouTubeAccess = 'granted' | 'missing' | 'granted-now';

export interface PopupStatusProps {
  status: DatasetStatus | null;
  page: PageCoverage | null;
  onOpenOptions: () => void;
  youtubeAccess?: YouTubeAccess | undefined;
  /** Asks the browser for access to YouTube again. */
  onAllowYouTube?: (() => void) | undefined;
  /** Tries the full dataset's download again. */
  onRetryFullDataset?: (() => void) | undefined;
  /** Why the popup's last request did not do what was asked (Retry that could not start, the worker not answering). */
  problem?: string | undefined;
}

function describePage(page: PageCoverage): string {
  switch (page.kind) {
    case 'not-youtube':
      return 'Open a YouTube video to search its transcript.';
    case 'no-video':
      return 'This YouTube page shows no single video.';
    case 'covered':
      return `This video is covered: ${page.title} (${plural(page.segmentCount, 'segment')}).`;
    case 'not-covered':
      return 'This video is not in the dataset.';
  }
}

/** "42%, " when the import can tell how far it is. */
function describePercent(percent: number | null): string {
  return percent === null ? '' : `${percent}%, `;
}

/** The toolbar popup: dataset status at a glance, the current tab, a link to the options. */
export function PopupStatus({
  status,
  page,
  onOpenOptions,
  youtubeAccess = 'granted',
  onAllowYouTube,
  onRetryFullDataset,
  problem = '',
}: PopupStatusProps) {
  const dataset = status?.dataset;
  const job = status?.job;
  const fullDataset = status ? describeFullDataset(status) : null;
  return (
    <main class="yts-popup">
      <h1>YouTube Transcript Search</h1>
      {status === null ? (
        <p role="status">Loading…</p>
      ) : (
        <p>
          {dataset
            ? `${formatCount(dataset.report.videoCount)} videos, ${formatCount(dataset.segmentCount)} segments (${
                dataset.source.kind === 'bundled' ? 'bundled sample' : dataset.source.kind === 'url' ? 'from URL' : 'from file'
              }).`
            : 'No dataset cached yet.'}
        </p>
      )}
      {fullDataset?.kind === 'downloading' && (
        <div class="yts-popup__download">
          <progress
            aria-label="Full dataset download"
            max={fullDataset.totalBytes ?? undefined}
            value={fullDataset.totalBytes === null ? undefined : fullDataset.bytesRead}
          />
          <p role="status">{fullDataset.text}</p>
        </div>
      )}
      {fullDataset?.kind === 'failed' && (
        <div role="alert">
          <p>{fullDataset.text}</p>
          <button type="button" onClick={onRetryFullDataset}>
            Retry
          </button>
        </div>
      )}
      {job?.status === 'running' && fullDataset?.kind !== 'downloading' && (
        <p role="status">
          Importing a dataset: {describePercent(measureImportPercent(job))}
          {plural(job.rows, 'row')} so far…
        </p>
      )}
      {job?.status === 'failed' && status !== null && !isFailureExplained(status) && (
        <p role="alert">The last import failed: {job.error.message}</p>
      )}
      {problem !== '' && <p role="alert">{problem}</p>}
      {youtubeAccess === 'missing' ? (
        <div role="alert">
          <p>Transcript Search is not allowed on YouTube, so the panel cannot appear there.</p>
          <button type="button" onClick={onAllowYouTube}>
            Allow on YouTube
          </button>
        </div>
      ) : youtubeAccess === 'granted-now' ? (
        <p role="status">Allowed. Reload the YouTube tab to show the panel.</p>
      ) : (
        page && <p class="yts-popup__page">{describePage(page)}</p>
      )}
      <button type="button" onClick={onOpenOptions}>
        Dataset options
      </button>
    </main>
  );
}
