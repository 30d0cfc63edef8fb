import { describe, expect, it, vi } from 'vitest';
import type { ImportJob } from '../../../lib/imports/job';
import { createRunningJob, toCancelledJob } from '../../../lib/imports/job-record';
import { createJobRecorder } from '../../../lib/imports/job-recorder';

function recorderAt(clock: { now: number }) {
  const writes: ImportJob[] = [];
  const seen: ImportJob[] = [];
  const recorder = createJobRecorder(createRunningJob({ kind: 'url', url: 'https://data.example/a.jsonl' }, 0, { id: 'job' }), {
    store: {
      getValue: () => Promise.resolve(writes.at(-1) ?? null),
      setValue: (job) => {
        if (job) writes.push(job);
        return Promise.resolve();
      },
    },
    now: () => clock.now,
    intervalMs: 250,
    onChange: (job) => seen.push(job),
  });
  return { recorder, writes, seen };
}

describe('the job recorder', () => {
  it('keeps every change in memory but writes progress at most every 250 ms, and the end always', async () => {
    const clock = { now: 0 };
    const { recorder, writes, seen } = recorderAt(clock);
    await recorder.save(recorder.job);
    for (const at of [100, 200, 300, 400, 560]) {
      clock.now = at;
      recorder.progress({ bytesRead: at, rows: at / 10 });
    }
    expect(seen.map((job) => job.updatedAt)).toEqual([0, 100, 200, 300, 400, 560]);
    expect(writes.map((job) => job.updatedAt)).toEqual([0, 300, 560]);
    expect(recorder.job).toMatchObject({ status: 'running', bytesRead: 560, rows: 56 });
    clock.now = 600;
    await recorder.save(toCancelledJob(recorder.job, clock.now));
    expect(writes.at(-1)).toEqual({ id: 'job', source: { kind: 'url', url: 'https://data.example/a.jsonl' }, status: 'cancelled', startedAt: 0, updatedAt: 600, restarts: 0 });
  });

  it('ignores progress arriving after the job ended', async () => {
    const clock = { now: 0 };
    const { recorder, writes } = recorderAt(clock);
    await recorder.save(toCancelledJob(recorder.job, 10));
    clock.now = 1000;
    recorder.progress({ rows: 5 });
    expect(recorder.job.status).toBe('cancelled');
    expect(writes).toHaveLength(1);
  });
});

describe('progress held back by the interval', () => {
  it('is written when the interval ends, even if nothing more arrives (a stalled download)', async () => {
    vi.useFakeTimers();
    try {
      const clock = { now: 0 };
      vi.setSystemTime(0);
      const { recorder, writes } = recorderAt(clock);
      await recorder.save(recorder.job);
      clock.now = 100;
      recorder.progress({ bytesRead: 1_500_000, totalBytes: 3_000_000 });
      expect(writes).toHaveLength(1);
      clock.now = 250;
      await vi.advanceTimersByTimeAsync(150);
      expect(writes.at(-1)).toMatchObject({ bytesRead: 1_500_000, totalBytes: 3_000_000 });
      expect(writes).toHaveLength(2);
      // And nothing more once the job has ended.
      clock.now = 300;
      recorder.progress({ bytesRead: 1_600_000 });
      await recorder.save(toCancelledJob(recorder.job, 310));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(writes.at(-1)?.status).toBe('cancelled');
    } finally {
      vi.useRealTimers();
    }
  });
});
