/**
 * What the worker does every time Chrome starts it (install, browser start,
 * wake-up): clear what an interrupted import left, make sure there is a
 * dataset (the bundled sample is the default and the offline fallback), then
 * start over an import the browser cut short.
 */
import { collectGarbage } from '../store/datasets';
import type { TranscriptDb } from '../store/schema';
import { pruneUploads } from '../store/uploads';
import type { ImportController } from './controller';
import type { ImportJob } from './job';
import type { ValueStore } from './job-recorder';

export interface StartUpOptions {
  database: () => Promise<TranscriptDb>;
  jobStore: ValueStore<ImportJob | null>;
  imports: Pick<ImportController, 'ensureBundled' | 'resumeInterrupted'>;
}

export interface StartUp {
  /** Settles when the cache can answer; rejects when the bundled sample was needed and could not be imported. */
  ready: Promise<void>;
  /** Settles once an interrupted import has been started over (or there was none); it runs on after that. */
  resumed: Promise<void>;
}

/** Prepares the cache, then resumes an interrupted import. */
export function startUp({ database, jobStore, imports }: StartUpOptions): StartUp {
  const ready = (async () => {
    const db = await database();
    await collectGarbage(db);
    const job = await jobStore.getValue();
    await pruneUploads(db, job?.status === 'running' && job.source.kind === 'file' ? job.source.uploadId : undefined);
    await imports.ensureBundled();
  })();
  const resumed = ready
    .catch(() => undefined)
    .then(() => imports.resumeInterrupted())
    .then(
      () => undefined,
      () => undefined,
    );
  return { ready, resumed };
}
