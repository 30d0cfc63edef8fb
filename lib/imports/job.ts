/** The state of a dataset import, as the background keeps it and the options page shows it. */
import type { ImportReport } from '../dataset/rows';

export type ImportSourceRequest =
  | { kind: 'url'; url: string }
  | { kind: 'file'; uploadId: string; name: string }
  | { kind: 'bundled' };

export type ImportStatus = 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface ImportError {
  message: string;
  /** Set when the download failed in a way host access could fix: the origin pattern to ask for. */
  accessPattern?: string | undefined;
}

export interface ImportJob {
  id: string;
  source: ImportSourceRequest;
  status: ImportStatus;
  phase: 'reading' | 'writing';
  bytesRead: number;
  /** From Content-Length or the file size; `null` when the server does not say. */
  totalBytes: number | null;
  rows: number;
  videosWritten: number;
  videosTotal: number;
  startedAt: number;
  updatedAt: number;
  /** Times the browser stopped the worker mid-import and the import started over. */
  restarts: number;
  error?: ImportError | undefined;
  datasetId?: string | undefined;
  report?: ImportReport | undefined;
  /** The format the file was read as, once known. */
  format?: string | undefined;
}

/** The dataset URL the user chose, and what the daily check last saw. */
export interface SavedDatasetUrl {
  url: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  lastCheckedAt?: number | undefined;
  lastCheck?: 'imported' | 'unchanged' | 'failed' | undefined;
}

/** Where Hugging Face serves the full dataset. */
export const DEFAULT_DATASET_URL = 'https://huggingface.co/datasets/pinecone/yt-transcriptions/resolve/main/train.jsonl';

/** Rows per second so far, or `null` before there is anything to measure. */
export function rowsPerSecond(job: Pick<ImportJob, 'rows' | 'startedAt' | 'updatedAt'>): number | null {
  const seconds = (job.updatedAt - job.startedAt) / 1000;
  return seconds > 0 && job.rows > 0 ? job.rows / seconds : null;
}

/** The origin pattern host permissions use for a URL (`https://example.com/*`). */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}
