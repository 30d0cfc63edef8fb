import type { ImportJob } from '../lib/imports/job';
import { rowsPerSecond } from '../lib/imports/job-record';
import { formatBytes, formatCount, plural } from '../lib/format/units';
import { ImportReportView } from './ImportReportView';
import './visually-hidden.css';

export interface ImportProgressProps {
  job: ImportJob;
  onCancel: () => void;
  /** Ask for host access to `pattern`, then try again. */
  onGrantAccess: (pattern: string) => void;
}

function describeSource(job: ImportJob): string {
  switch (job.source.kind) {
    case 'url':
      return job.source.url;
    case 'file':
      return job.source.name;
    case 'bundled':
      return 'the bundled sample';
  }
}

/** A running import with a real progress bar, or how the last one ended. */
export function ImportProgress({ job, onCancel, onGrantAccess }: ImportProgressProps) {
  const source = describeSource(job);
  if (job.status === 'running') {
    const speed = rowsPerSecond(job);
    const reading = job.phase === 'reading';
    // A total the bytes outgrew (a server that misreports it) is no total at all.
    const byteTotal = job.totalBytes !== null && job.bytesRead <= job.totalBytes ? job.totalBytes : undefined;
    const max = reading ? byteTotal : job.videosTotal;
    const value = reading ? job.bytesRead : job.videosWritten;
    const label = reading
      ? `Reading ${source}: ${formatBytes(job.bytesRead)}${job.totalBytes ? ` of ${formatBytes(job.totalBytes)}` : ''}, ${plural(job.rows, 'row')}`
      : `Saving: ${formatCount(job.videosWritten)} of ${plural(job.videosTotal, 'video')}`;
    return (
      <div class="yts-import">
        <progress
          aria-label="Import progress"
          aria-describedby="import-progress-detail"
          max={max}
          value={max === undefined ? undefined : value}
        />
        {/* Announced once per phase; the changing figures would flood a screen reader every 250 ms. */}
        <p role="status" class="yts-visually-hidden">
          {reading ? `Importing ${source}` : 'Saving the new dataset'}
        </p>
        <p id="import-progress-detail">
          {label}
          {speed !== null && ` · ${formatCount(speed)} rows/s`}
          {job.restarts > 0 && ` · restarted after the browser stopped it (${job.restarts}×)`}
        </p>
        <button type="button" onClick={onCancel}>
          Cancel import
        </button>
      </div>
    );
  }
  if (job.status === 'succeeded') {
    return (
      <div class="yts-import" role="status">
        <p class="yts-import__done">Imported {source}.</p>
        <ImportReportView report={job.report} format={job.format} />
      </div>
    );
  }
  if (job.status === 'cancelled') {
    return (
      <p class="yts-import" role="status">
        Import of {source} cancelled. The dataset you had is still in use.
      </p>
    );
  }
  const { accessPattern } = job.error;
  return (
    <div class="yts-import yts-import--failed" role="alert">
      <p>
        Import of {source} failed. {job.error.message}
      </p>
      {accessPattern !== undefined && (
        <button type="button" onClick={() => onGrantAccess(accessPattern)}>
          Allow access and retry
        </button>
      )}
    </div>
  );
}
