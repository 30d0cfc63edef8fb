/**
 * Reads a dataset as batches of validated rows, for a consumer that writes
 * each batch before the next is read: memory then follows the batch, not the
 * file (issue 12 item 7). Rows come in file order; duplicates (a later row
 * with the same [video_id, start_second]) are passed on, for the consumer to
 * resolve, since only it sees every row.
 * Side effects: none beyond consuming the stream and calling back.
 */
import { readIntoSink, type ReadOptions, type SourceInfo } from './reader';
import { RowTally, type RowCounts } from './row-tally';
import type { RowOptions } from './row-schema';
import { validateValue, type RejectReason, type RowSink, type ValidRow } from './rows';

export interface BatchReadOptions extends ReadOptions {
  /** Takes one batch; reading waits until the promise settles, and stops if it rejects. */
  onBatch: (rows: ValidRow[]) => Promise<void> | undefined;
  /** Valid rows per batch, about: a batch closes at the first piece of the file that fills it. */
  batchRows?: number | undefined;
}

export interface BatchReadResult extends SourceInfo {
  /** Rows read and rejected; the valid ones (`totalRows - rejectedRows`) went to `onBatch`. */
  counts: RowCounts;
}

const DEFAULT_BATCH_ROWS = 2_500;

class RowBatcher implements RowSink {
  private readonly tally = new RowTally();
  private pending: ValidRow[] = [];

  constructor(
    private readonly onBatch: BatchReadOptions['onBatch'],
    private readonly batchRows: number,
  ) {}

  add(value: unknown, line: number, options?: RowOptions): void {
    for (const result of validateValue(value, options)) {
      if (result.ok) {
        this.tally.accept();
        this.pending.push(result.row);
      } else {
        this.tally.reject(result.reason, line);
      }
    }
  }

  reject(reason: RejectReason, line: number): void {
    this.tally.reject(reason, line);
  }

  get rowCount(): number {
    return this.tally.rowCount;
  }

  drain(): Promise<void> | undefined {
    return this.pending.length >= this.batchRows ? this.flush() : undefined;
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await this.onBatch(batch);
  }

  counts(): RowCounts {
    return this.tally.counts();
  }
}

/**
 * Reads any supported format and hands its valid rows to `onBatch` in
 * batches of about `batchRows`, waiting for each. Throws `DatasetFormatError`
 * for a file we cannot read (batches already handed over stay handed over:
 * the consumer must be able to drop them), and the signal's reason when aborted.
 */
export async function readDatasetInBatches(source: ReadableStream<Uint8Array>, options: BatchReadOptions): Promise<BatchReadResult> {
  const { onBatch, batchRows = DEFAULT_BATCH_ROWS, ...readOptions } = options;
  const batcher = new RowBatcher(onBatch, batchRows);
  const info = await readIntoSink(source, batcher, readOptions);
  await batcher.flush();
  return { ...info, counts: batcher.counts() };
}
