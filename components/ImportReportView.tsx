import { REJECT_REASON_TEXT, type ImportReport, type RejectReason } from '../lib/dataset/rows';
import { plural } from '../lib/format/units';

export interface ImportReportViewProps {
  report: ImportReport;
  /** The format the file was read as: says whether rejected rows are counted by line or by row. */
  format: string | undefined;
}

/** 'row' for formats without lines (JSON array, one JSON document, Parquet). */
function positionWordFor(format: string | undefined): 'line' | 'row' {
  return format === 'json-array' || format === 'json' || format === 'parquet' ? 'row' : 'line';
}

/** What an import kept and what it left out, and why. */
export function ImportReportView({ report, format }: ImportReportViewProps) {
  const positionWord = positionWordFor(format);
  const reasons = Object.entries(report.rejectedByReason) as Array<[RejectReason, number]>;
  return (
    <div class="yts-report" aria-label="Import report" role="group">
      <p>
        {plural(report.totalRows, 'row')} read: {plural(report.acceptedRows, 'segment')} kept in{' '}
        {plural(report.videoCount, 'video')}, {plural(report.rejectedRows, 'row')} rejected
        {report.duplicateRows > 0 && `, ${plural(report.duplicateRows, 'duplicate')} replaced by a later row`}.
      </p>
      {reasons.length > 0 && (
        <ul class="yts-report__reasons">
          {reasons.map(([reason, count]) => (
            <li key={reason}>
              {plural(count, 'row')}: {REJECT_REASON_TEXT[reason]}
            </li>
          ))}
        </ul>
      )}
      {report.rejectedExamples.length > 0 && (
        <p class="yts-report__examples">
          First rejected:{' '}
          {report.rejectedExamples
            .map(({ line, reason }) => `${positionWord} ${line} (${REJECT_REASON_TEXT[reason]})`)
            .join('; ')}
        </p>
      )}
    </div>
  );
}
