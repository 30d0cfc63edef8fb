import { describe, expect, it } from 'vitest';
import { measureImportPercent } from '../../../lib/imports/job-record';

const job = { phase: 'reading' as const, bytesRead: 0, totalBytes: 1000 as number | null, videosWritten: 0, videosTotal: 0 };

describe('measureImportPercent', () => {
  it.each([
    [{ ...job, bytesRead: 0 }, 0],
    [{ ...job, bytesRead: 425 }, 42],
    [{ ...job, bytesRead: 999 }, 99],
    [{ ...job, bytesRead: 1000 }, 100],
    [{ ...job, phase: 'writing' as const, videosWritten: 3, videosTotal: 4 }, 75],
  ])('%j is %i %', (running, percent) => {
    expect(measureImportPercent(running)).toBe(percent);
  });

  it.each([
    ['no total from the server', { ...job, totalBytes: null, bytesRead: 10 }],
    ['bytes beyond a misreported total', { ...job, bytesRead: 1200 }],
    ['an empty total', { ...job, totalBytes: 0 }],
    ['no videos to write yet', { ...job, phase: 'writing' as const, videosTotal: 0 }],
  ])('cannot tell with %s', (_, running) => {
    expect(measureImportPercent(running)).toBeNull();
  });
});
