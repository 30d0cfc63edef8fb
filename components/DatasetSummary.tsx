import type { DatasetRecord } from '../lib/store/records';
import { formatBytes, formatCount, plural } from '../lib/format/units';
import { ImportReportView } from './ImportReportView';

export interface DatasetSummaryProps {
  dataset: DatasetRecord | null;
  /** Bytes this extension stores, if the browser says. */
  storageUsed: number | null;
}

function describeSource(dataset: DatasetRecord): string {
  switch (dataset.source.kind) {
    case 'bundled':
      return 'Bundled sample';
    case 'url':
      return dataset.source.url;
    case 'file':
      return `File: ${dataset.source.name}`;
  }
}

/** The dataset the panel answers from. */
export function DatasetSummary({ dataset, storageUsed }: DatasetSummaryProps) {
  if (!dataset) return <p>No dataset is cached yet.</p>;
  const { report } = dataset;
  return (
    <>
      <dl class="yts-facts">
        <dt>Source</dt>
        <dd class="yts-facts__source">{describeSource(dataset)}</dd>
        <dt>Version</dt>
        <dd>
          {dataset.format ?? 'jsonl'}
          {dataset.bytes !== undefined && `, ${formatBytes(dataset.bytes)}`}
          {dataset.contentHash !== undefined && `, sha256 ${dataset.contentHash.slice(0, 12)}`}
        </dd>
        <dt>Videos</dt>
        <dd>{formatCount(report.videoCount)}</dd>
        <dt>Segments</dt>
        <dd>{formatCount(dataset.segmentCount)}</dd>
        <dt>Rejected rows</dt>
        <dd>{formatCount(report.rejectedRows)}</dd>
        <dt>Storage used</dt>
        <dd>{storageUsed === null ? 'unknown' : formatBytes(storageUsed)}</dd>
        <dt>Imported</dt>
        <dd>{new Date(dataset.importedAt).toLocaleString()}</dd>
      </dl>
      {report.rejectedRows + report.duplicateRows > 0 && (
        <details>
          <summary>{plural(report.rejectedRows, 'rejected row')}</summary>
          <ImportReportView report={report} format={dataset.format} />
        </details>
      )}
    </>
  );
}
