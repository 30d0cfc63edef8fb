/** The full dataset's automatic download in one line, as the popup and the options page show it. Pure. */
import { describeError } from '../format/describe-error';
import { formatBytes, formatCount } from '../format/units';
import { isFullDataset } from './full-dataset-policy';
import type { DatasetStatus, StartImportResponse } from './job';

export type FullDatasetNotice =
  | { kind: 'downloading'; text: string; bytesRead: number; totalBytes: number | null }
  | { kind: 'failed'; text: string };

/** What to say about the full dataset now, or `null` when there is nothing to say. */
export function describeFullDataset({ dataset, job, fullDataset }: DatasetStatus): FullDatasetNotice | null {
  if (job?.status === 'running' && job.source.kind === 'url' && isFullDataset({ source: job.source })) {
    // A total the bytes outgrew (a server that misreports it) is no total at all.
    const total = job.totalBytes !== null && job.bytesRead <= job.totalBytes ? job.totalBytes : null;
    const text =
      job.phase === 'writing'
        ? `Saving the full dataset: ${formatCount(job.videosWritten)} of ${formatCount(job.videosTotal)} videos`
        : `Downloading the full dataset: ${total === null ? formatBytes(job.bytesRead) : `${formatSameUnit(job.bytesRead, total)} of ${formatBytes(total)}`}`;
    return { kind: 'downloading', text, bytesRead: job.bytesRead, totalBytes: total };
  }
  const usingSample = dataset === null || dataset.source.kind === 'bundled';
  if (usingSample && fullDataset.automatic && !fullDataset.heldByUser && fullDataset.failure !== null) {
    return { kind: 'failed', text: `Using the bundled sample: the full dataset could not be downloaded (${fullDataset.failure}).` };
  }
  return null;
}

/**
 * Whether the last import is the full dataset's failed download that the
 * notice already explains (with Retry): one message for it, not two.
 */
export function isFailureExplained(status: DatasetStatus): boolean {
  const { job } = status;
  return job?.status === 'failed' && job.source.kind === 'url' && isFullDataset({ source: job.source }) && describeFullDataset(status)?.kind === 'failed';
}

/**
 * Retry, as the popup and the options page press it: sends `request` and
 * resolves with what to say when the download did not start ('' when it
 * did). Never rejects.
 */
export async function retryFullDataset(request: () => Promise<StartImportResponse | { status: 'not-needed' }>): Promise<string> {
  try {
    const answer = await request();
    switch (answer.status) {
      case 'started':
        return '';
      case 'busy':
        return 'Another import is running: try again once it has finished.';
      case 'not-needed':
        return 'Nothing to download: the dataset in use is no longer the bundled sample.';
    }
  } catch (error) {
    return `The download could not be started (${describeError(error)}).`;
  }
}

/** "3.1" of "7.6 MB": the part without its unit when both share one. */
function formatSameUnit(part: number, whole: number): string {
  const [partValue = '', partUnit] = formatBytes(part).split(' ');
  const [, wholeUnit] = formatBytes(whole).split(' ');
  return partUnit === wholeUnit ? partValue : formatBytes(part);
}
