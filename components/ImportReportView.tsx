import { REJECT_REASON_TEXT, type ImportReport, type RejectReason } from '../lib/dataset/rows';
import { plural } from '../lib/format/units';

export interface ImportReportViewProps {
  report: ImportReport;
  /** 'row' for formats without lines (JSON array, Parquet). */
  positionWord: 'line' | 'row';
}

/** What an import kept and what it left out, and why. */
export function ImportReportView({ report, positionWord }: ImportReportViewProps) {
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
