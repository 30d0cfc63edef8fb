/**
 * Import jobs and the background's answers about them, as types only: the
 * job record the background keeps (and a restarted worker resumes from), and
 * what the options page and the popup are told.
 */
import type { ImportReport } from '../dataset/rows';
import type { DatasetRecord, ImportSource } from '../store/records';

export interface ImportError {
  message: string;
  /** Set when the download failed in a way host access could fix: the origin pattern to ask for. */
  accessPattern?: string | undefined;
}

/** What every job record holds, whatever became of it. */
interface JobBase {
  id: string;
  source: ImportSource;
  startedAt: number;
  updatedAt: number;
  /** Times the browser stopped the worker mid-import and the import started over. */
  restarts: number;
}

/** How far a download got. */
export interface ByteCount {
  bytesRead: number;
  /** From Content-Length or the file size; `null` when the server does not say. */
  totalBytes: number | null;
  rows: number;
}

export interface RunningJob extends JobBase, ByteCount {
  status: 'running';
  phase: 'reading' | 'writing';
  videosWritten: number;
  videosTotal: number;
}

export interface SucceededJob extends JobBase, ByteCount {
  status: 'succeeded';
  /** The dataset it switched in. */
  datasetId: string;
  report: ImportReport;
  /** The format the file was read as. */
  format: string;
}

export interface FailedJob extends JobBase {
  status: 'failed';
  error: ImportError;
}

export interface CancelledJob extends JobBase {
  status: 'cancelled';
}

export type ImportJob = RunningJob | SucceededJob | FailedJob | CancelledJob;
export type ImportStatus = ImportJob['status'];

/** The dataset URL the daily check follows, and what the check last saw. */
export interface SavedDatasetUrl {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  lastCheckedAt?: number | undefined;
  lastCheck?: 'imported' | 'unchanged' | 'failed' | undefined;
}

export type StartImportResponse = { status: 'started'; jobId: string } | { status: 'busy' };

export type RefreshResponse = { status: 'started' | 'unchanged' | 'busy' | 'no-url' | 'cancelled' } | { status: 'failed'; message: string };

/** What the background remembers about downloading the full dataset by itself (a storage item). */
export interface FullDatasetState {
  /** Failed tries since the last success; the backoff grows with them. */
  failures: number;
  /** When the last try started. */
  lastTryAt: number | null;
  /** Before this, only a browser start, the browser going online, the daily alarm or the user try again. */
  nextTryAt: number | null;
  /** Why the last try failed (or could not start), in a few words; `null` after a success. */
  failure: string | null;
  /** The user chose the sample (reset to it, or cancelled the download): nothing is tried until they ask. */
  heldByUser: boolean;
  /** The import a try started (automatic, or Retry), while it runs: what turning the setting off stops. */
  jobId?: string | null;
}

/** The automatic download as pages show it: the setting and the state. */
export interface FullDatasetStatus extends FullDatasetState {
  /** "Download the full dataset automatically" (on by default). */
  automatic: boolean;
}

/** Everything the options page and the popup show about the cache and its imports. */
export interface DatasetStatus {
  dataset: DatasetRecord | null;
  job: ImportJob | null;
  savedUrl: SavedDatasetUrl | null;
  fullDataset: FullDatasetStatus;
}
