/**
 * One measured run of one case, in its own process (so peak memory is the
 * reader's alone): prints one JSON line with the time, the peak resident
 * memory, the longest the event loop was blocked, and the outcome.
 *
 * `run-case.ts <case> <variant> [reader module]`: variant `collect` reads
 * with `readDataset` from the reader module given (another checkout's
 * `lib/dataset/reader.ts` measures the code before a change); `batches` reads
 * with `readDatasetInBatches` and drops each batch, as a store writing
 * batches would, to show what the reader itself holds.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readDatasetInBatches } from '../../../lib/dataset/batch-reader';
import type { readDataset as ReadDataset } from '../../../lib/dataset/reader';
import { CASES, yieldBetweenChunks } from './cases';

export interface CaseRun {
  ms: number;
  peakRssMb: number;
  longestBlockMs: number;
  outcome: string;
}

const [name, variant = 'collect', readerModule] = process.argv.slice(2);
const benchCase = CASES.find((c) => c.name === name);
if (!benchCase) throw new Error(`No case named ${String(name)}`);

const here = path.dirname(fileURLToPath(import.meta.url));
const modulePath = readerModule ?? path.join(here, '../../../lib/dataset/reader.ts');
const { readDataset } = (await import(pathToFileURL(modulePath).href)) as { readDataset: typeof ReadDataset };

async function read(stream: ReadableStream<Uint8Array>): Promise<string> {
  if (variant === 'batches') {
    const { format, counts } = await readDatasetInBatches(stream, { onBatch: () => undefined });
    return `${format}: ${counts.totalRows - counts.rejectedRows} handed over, ${counts.rejectedRows} rejected`;
  }
  const { format, report } = await readDataset(stream);
  return `${format}: ${report.acceptedRows} kept, ${report.rejectedRows} rejected`;
}

let longestBlockMs = 0;
let lastTick = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longestBlockMs = Math.max(longestBlockMs, now - lastTick - 10);
  lastTick = now;
}, 10);

const started = performance.now();
let outcome: string;
try {
  outcome = await read(yieldBetweenChunks(benchCase.open()));
} catch (error) {
  outcome = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
const ms = performance.now() - started;
// One more tick, so a block that lasted until the end is counted.
await new Promise((resolve) => setTimeout(resolve, 20));
clearInterval(ticker);
const run: CaseRun = { ms, peakRssMb: process.resourceUsage().maxRSS / 1024, longestBlockMs, outcome: outcome.slice(0, 160) };
process.stdout.write(`${JSON.stringify(run)}\n`);
