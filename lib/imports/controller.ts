/**
 * Runs dataset imports in the background worker, one at a time, and keeps
 * their state where a restarted worker finds it. Chrome stops an idle MV3
 * worker after ~30 s and can stop it any time: the job record (in extension
 * storage) is the checkpoint. A job found still "running" at start-up was
 * interrupted; it starts over from its source (a staged file stays staged
 * until its import ends), while the dataset in use stays untouched throughout.
 */
import { importDatasetStream, importJsonLines, type ImportProgress } from './import-dataset';
import { describeImportError, DownloadAccessError, HttpStatusError } from './errors';
import { originPattern, type ImportJob, type ImportSourceRequest, type SavedDatasetUrl } from './job';
import { deleteUpload, getActiveDataset, getUpload, type DatasetRecord, type TranscriptDb } from '../store/database';

/** The subset of a WXT storage item the controller needs. */
export interface ValueStore<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
}

export interface ImportControllerOptions {
  database: Promise<TranscriptDb>;
  jobStore: ValueStore<ImportJob | null>;
  urlStore: ValueStore<SavedDatasetUrl | null>;
  /** Absolute URL of the bundled sample. */
  bundledUrl: string;
  bundledPath: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Called every ~20 s while an import runs: an extension API call keeps the worker from idling out. */
  keepAlive?: () => Promise<unknown>;
  /** How often progress is written to storage. */
  progressIntervalMs?: number;
}

export type StartImportResponse = { status: 'started'; jobId: string } | { status: 'busy' };
export type RefreshResponse = { status: 'started' | 'unchanged' | 'busy' | 'no-url' } | { status: 'failed'; message: string };

export interface DatasetStatus {
  dataset: DatasetRecord | null;
  job: ImportJob | null;
  savedUrl: SavedDatasetUrl | null;
}

/** How many times an interrupted import starts over before it is reported as failed. */
export const MAX_RESTARTS = 3;
const KEEP_ALIVE_MS = 20_000;

interface Opened {
  stream: ReadableStream<Uint8Array>;
  totalBytes: number | null;
  etag?: string | undefined;
  lastModified?: string | undefined;
}

export function createImportController(options: ImportControllerOptions) {
  const { database, jobStore, urlStore, bundledUrl, bundledPath, keepAlive } = options;
  const fetchFn = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? Date.now;
  const progressIntervalMs = options.progressIntervalMs ?? 250;
  let current: { job: ImportJob; abort: AbortController; done: Promise<void> } | null = null;
  // Set while the daily check asks the server, before any job exists: the one import slot is taken.
  let checking = false;
  const isBusy = () => current !== null || checking;

  async function openUrl(url: string, signal: AbortSignal, conditional?: SavedDatasetUrl): Promise<Response> {
    const headers = new Headers();
    if (conditional?.etag) headers.set('If-None-Match', conditional.etag);
    if (conditional?.lastModified) headers.set('If-Modified-Since', conditional.lastModified);
    try {
      return await fetchFn(url, { signal, headers, cache: 'no-store' });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new DownloadAccessError(originPattern(url), new URL(url).host);
    }
  }

  function fromResponse(response: Response): Opened {
    if (!response.ok || !response.body) throw new HttpStatusError(response.status, response.statusText);
    const length = Number(response.headers.get('Content-Length'));
    // With Content-Encoding, Content-Length counts the encoded bytes but the body
    // yields decoded ones: the total is then unknown to us.
    const encoded = response.headers.has('Content-Encoding');
    return {
      stream: response.body,
      totalBytes: !encoded && Number.isFinite(length) && length > 0 ? length : null,
      etag: response.headers.get('ETag') ?? undefined,
      lastModified: response.headers.get('Last-Modified') ?? undefined,
    };
  }

  async function open(source: ImportSourceRequest, signal: AbortSignal, db: TranscriptDb): Promise<Opened> {
    switch (source.kind) {
      case 'url':
        return fromResponse(await openUrl(source.url, signal));
      case 'file': {
        const upload = await getUpload(db, source.uploadId);
        if (!upload) throw new Error('the file is no longer staged; choose it again');
        return { stream: upload.blob.stream(), totalBytes: upload.blob.size };
      }
      case 'bundled':
        return fromResponse(await fetchFn(bundledUrl, { signal }));
    }
  }

  async function runJob(job: ImportJob, given: { opened: Opened; abort: AbortController } | null = null): Promise<void> {
    const abort = given?.abort ?? new AbortController();
    const opened = given?.opened;
    let state = job;
    let lastSaved = 0;
    const save = async (patch: Partial<ImportJob>, force = false) => {
      state = { ...state, ...patch, updatedAt: now() };
      if (current?.job.id === job.id) current.job = state;
      if (force || state.updatedAt - lastSaved >= progressIntervalMs) {
        lastSaved = state.updatedAt;
        await jobStore.setValue(state);
      }
    };
    const timer = keepAlive ? setInterval(() => void keepAlive().catch(() => undefined), KEEP_ALIVE_MS) : undefined;
    const done = (async () => {
      let db: TranscriptDb | undefined;
      try {
        db = await database;
        await save({}, true);
        const source = opened ?? (await open(job.source, abort.signal, db));
        await save({ totalBytes: source.totalBytes });
        const onProgress = (progress: ImportProgress) => {
          void save(
            progress.phase === 'reading'
              ? { phase: 'reading', bytesRead: progress.bytes, rows: progress.rows }
              : { phase: 'writing', rows: progress.rows, videosWritten: progress.videosWritten, videosTotal: progress.videosTotal },
          );
        };
        const dataset =
          job.source.kind === 'bundled'
            ? // The bundled sample keeps its content hash, so start-up recognises it.
              await importJsonLines(db, await new Response(source.stream).text(), { kind: 'bundled', path: bundledPath }, now, abort.signal)
            : await importDatasetStream(db, source.stream, {
                source: job.source.kind === 'url' ? { kind: 'url', url: job.source.url } : { kind: 'file', name: job.source.name },
                signal: abort.signal,
                onProgress,
                now,
              });
        // A dataset from elsewhere replaces the URL the daily check follows.
        await urlStore.setValue(
          job.source.kind === 'url'
            ? { url: job.source.url, etag: source.etag, lastModified: source.lastModified, lastCheckedAt: now(), lastCheck: 'imported' }
            : null,
        );
        await save(
          { status: 'succeeded', datasetId: dataset.id, report: dataset.report, rows: dataset.report.totalRows, format: dataset.format },
          true,
        );
      } catch (error) {
        if (abort.signal.aborted) await save({ status: 'cancelled' }, true);
        else await save({ status: 'failed', error: describeImportError(error) }, true);
      } finally {
        clearInterval(timer);
        if (db && job.source.kind === 'file') await deleteUpload(db, job.source.uploadId).catch(() => undefined);
        if (current?.job.id === job.id) current = null;
      }
    })();
    current = { job: state, abort, done };
    return done;
  }

  function newJob(source: ImportSourceRequest, restarts = 0): ImportJob {
    const at = now();
    return {
      id: crypto.randomUUID(),
      source,
      status: 'running',
      phase: 'reading',
      bytesRead: 0,
      totalBytes: null,
      rows: 0,
      videosWritten: 0,
      videosTotal: 0,
      startedAt: at,
      updatedAt: at,
      restarts,
    };
  }

  return {
    /** Starts an import unless one is running. Resolves once it has started (not when it ends). */
    start(source: ImportSourceRequest): Promise<StartImportResponse> {
      if (isBusy()) return Promise.resolve({ status: 'busy' });
      const job = newJob(source);
      void runJob(job);
      return Promise.resolve({ status: 'started', jobId: job.id });
    },

    /** Stops the running import; the dataset in use stays. */
    cancel(): Promise<{ cancelled: boolean }> {
      if (!current) return Promise.resolve({ cancelled: false });
      current.abort.abort();
      return current.done.then(() => ({ cancelled: true }));
    },

    /** At start-up: starts over an import the browser interrupted. Returns whether it did. */
    async resumeInterrupted(): Promise<boolean> {
      const job = await jobStore.getValue();
      if (!job || job.status !== 'running' || isBusy()) return false;
      if (job.restarts >= MAX_RESTARTS) {
        if (job.source.kind === 'file') await deleteUpload(await database, job.source.uploadId).catch(() => undefined);
        await jobStore.setValue({
          ...job,
          status: 'failed',
          updatedAt: now(),
          error: { message: `The import was interrupted ${job.restarts + 1} times and has stopped. The dataset you had is still in use.` },
        });
        return false;
      }
      void runJob({ ...newJob(job.source, job.restarts + 1), id: job.id });
      return true;
    },

    /** The daily check: re-imports the saved URL only if the server says it changed. */
    async refreshFromUrl(): Promise<RefreshResponse> {
      if (isBusy()) return { status: 'busy' };
      checking = true;
      let started = false;
      try {
        const saved = await urlStore.getValue();
        if (!saved) return { status: 'no-url' };
        // The job's own controller from the start, so cancelling it also stops this download.
        const abort = new AbortController();
        try {
          let response: Response;
          try {
            response = await openUrl(saved.url, abort.signal, saved);
          } catch (error) {
            // If-None-Match / If-Modified-Since make a cross-origin request need a CORS
            // preflight, which many static hosts do not answer; ask plainly and compare.
            if (!(error instanceof DownloadAccessError)) throw error;
            response = await openUrl(saved.url, abort.signal);
          }
          const etag = response.headers.get('ETag') ?? undefined;
          const lastModified = response.headers.get('Last-Modified') ?? undefined;
          const sameVersion =
            etag !== undefined ? etag === saved.etag : lastModified !== undefined && lastModified === saved.lastModified;
          if (response.status === 304 || (response.ok && sameVersion)) {
            await response.body?.cancel();
            await urlStore.setValue({ ...saved, lastCheckedAt: now(), lastCheck: 'unchanged' });
            return { status: 'unchanged' };
          }
          const opened = fromResponse(response);
          checking = false;
          started = true;
          void runJob(newJob({ kind: 'url', url: saved.url }), { opened, abort });
          return { status: 'started' };
        } catch (error) {
          await urlStore.setValue({ ...saved, lastCheckedAt: now(), lastCheck: 'failed' });
          return { status: 'failed', message: describeImportError(error).message };
        }
      } finally {
        if (!started) checking = false;
      }
    },

    async status(): Promise<DatasetStatus> {
      const [dataset, job, savedUrl] = await Promise.all([
        database.then(getActiveDataset),
        current ? Promise.resolve(current.job) : jobStore.getValue(),
        urlStore.getValue(),
      ]);
      return { dataset: dataset ?? null, job, savedUrl };
    },

    /** Resolves when the running import (if any) has ended. For start-up ordering and tests. */
    whenIdle(): Promise<void> {
      return current?.done ?? Promise.resolve();
    },
  };
}

export type ImportController = ReturnType<typeof createImportController>;
