import { nameDatasetFormat } from '../lib/dataset/format-name';
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

/** "2 rejected rows, 3 duplicates replaced": only the parts that are not zero. */
function describeLeftOut(rejected: number, duplicates: number): string {
  const parts = [
    ...(rejected > 0 ? [plural(rejected, 'rejected row')] : []),
    ...(duplicates > 0 ? [`${plural(duplicates, 'duplicate')} replaced`] : []),
  ];
  return parts.join(', ');
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
        <dt>Format</dt>
        {/* The content hash tells versions apart for the daily check; people compare sizes and dates. */}
        <dd title={dataset.contentHash === undefined ? undefined : `SHA-256 ${dataset.contentHash}`}>
          {nameDatasetFormat(dataset.format)}
          {dataset.bytes !== undefined && `, ${formatBytes(dataset.bytes)}`}
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
          <summary>{describeLeftOut(report.rejectedRows, report.duplicateRows)}</summary>
          <ImportReportView report={report} format={dataset.format} />
        </details>
      )}
    </>
  );
}
