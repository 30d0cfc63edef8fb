/** Counts of rows read and rejected, with the first few rejections to show. No side effects. */
import type { RejectedExample, RejectReason } from './rows';

const MAX_REJECTED_EXAMPLES = 5;

export interface RowCounts {
  totalRows: number;
  rejectedRows: number;
  rejectedByReason: Partial<Record<RejectReason, number>>;
  /** The first few rejected rows, so a user can find them in the file. */
  rejectedExamples: RejectedExample[];
}

export class RowTally {
  private totalRows = 0;
  private rejectedRows = 0;
  private readonly rejectedByReason: Partial<Record<RejectReason, number>> = {};
  private readonly rejectedExamples: RejectedExample[] = [];

  accept(): void {
    this.totalRows += 1;
  }

  reject(reason: RejectReason, line: number): void {
    this.totalRows += 1;
    this.rejectedRows += 1;
    this.rejectedByReason[reason] = (this.rejectedByReason[reason] ?? 0) + 1;
    if (this.rejectedExamples.length < MAX_REJECTED_EXAMPLES) this.rejectedExamples.push({ line, reason });
  }

  /** Rows seen so far, for progress. */
  get rowCount(): number {
    return this.totalRows;
  }

  counts(): RowCounts {
    return {
      totalRows: this.totalRows,
      rejectedRows: this.rejectedRows,
      rejectedByReason: { ...this.rejectedByReason },
      rejectedExamples: [...this.rejectedExamples],
    };
  }
}
