/**
 * `npx tsx test/bench/reader-limits/run.ts [--runs 3] [--timeout 120]
 * [--before <other checkout>/lib/dataset/reader.ts] [--batches] [case …]`:
 * the hostile inputs of issue 12 (items 4–7) through the reader, each run in
 * a fresh Node process; prints medians of time, peak RSS and the longest
 * event-loop block, and each run's outcome. With `--before`, the older
 * reader runs interleaved with ours (same load, same inputs); with
 * `--batches`, also `readDatasetInBatches` with batches dropped as written.
 * Node-level: no browser, no store. The machine's load moves the times; the
 * memory figures hold.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize } from '../stats';
import { formatTable, ms } from '../table';
import { CASES } from './cases';
import type { CaseRun } from './run-case';

const HERE = path.dirname(fileURLToPath(import.meta.url));

interface Variant {
  label: string;
  args: string[];
}

function takeOption(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  if (index < 0) return undefined;
  const [, value] = args.splice(index, 2);
  return value;
}

function takeFlag(args: string[], flag: string): boolean {
  const index = args.indexOf(flag);
  if (index >= 0) args.splice(index, 1);
  return index >= 0;
}

/** One run in a child process; a crash or timeout is an outcome too. */
function runOnce(name: string, variant: Variant, timeoutMs: number): Promise<CaseRun> {
  return new Promise((resolve) => {
    const started = performance.now();
    const script = path.join(HERE, 'run-case.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', script, name, ...variant.args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) {
        resolve(JSON.parse(line) as CaseRun);
        return;
      }
      const crash = /FATAL ERROR: ([^\n]*)/.exec(stderr)?.[1];
      const outcome = signal === 'SIGKILL' ? `killed after ${timeoutMs / 1000} s` : `crashed (${crash ?? `exit ${String(code)}`})`;
      resolve({ ms: performance.now() - started, peakRssMb: Number.NaN, longestBlockMs: Number.NaN, outcome });
    });
  });
}

const args = process.argv.slice(2);
const runs = Number(takeOption(args, '--runs') ?? 3);
const timeoutMs = Number(takeOption(args, '--timeout') ?? 120) * 1000;
const before = takeOption(args, '--before');
const variants: Variant[] = [
  ...(before ? [{ label: 'before', args: ['collect', path.resolve(before)] }] : []),
  { label: 'after', args: ['collect'] },
  ...(takeFlag(args, '--batches') ? [{ label: 'after, batches', args: ['batches'] }] : []),
];
const selected = args.length > 0 ? CASES.filter((c) => args.includes(c.name)) : CASES;

const rows: string[][] = [];
const outcomes: string[] = [];
for (const benchCase of selected) {
  await benchCase.prepare?.();
  const results = new Map<Variant, CaseRun[]>(variants.map((variant) => [variant, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const variant of variants) {
      const result = await runOnce(benchCase.name, variant, timeoutMs);
      process.stderr.write(`${benchCase.name} (${variant.label}) run ${i + 1}: ${ms(result.ms)} ms, ${result.peakRssMb.toFixed(0)} MB, ${result.outcome}\n`);
      results.get(variant)!.push(result);
    }
  }
  for (const [variant, runsOf] of results) {
    const median = (pick: (run: CaseRun) => number) => summarize(runsOf.map(pick)).median;
    rows.push([benchCase.name, variant.label, ms(median((r) => r.ms)), median((r) => r.peakRssMb).toFixed(0), ms(median((r) => r.longestBlockMs))]);
    outcomes.push(`${benchCase.name} (${variant.label}): ${[...new Set(runsOf.map((r) => r.outcome))].join(' | ')}`);
  }
}
process.stdout.write(`${formatTable(['case', 'code', 'median ms', 'peak RSS MB', 'longest block ms'], rows, 2)}\n\n${outcomes.join('\n')}\n`);
