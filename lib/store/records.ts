/**
 * What the cache holds, as types only: the one source union, the saved
 * dataset's record and the records of its videos. The protocol and the pages
 * read these shapes without importing any of the store's code.
 */
import type { ImportReport } from '../dataset/rows';
import type { Segment, VideoInfo } from '../transcript/types';
import type { VideoId } from '../youtube/url';

/**
 * Where a dataset comes from, defined once for each step it passes: a request
 * (`'request'`) names a staged file by its upload id and leaves the bundled
 * file to the worker; a saved dataset (`'saved'`) keeps what the user
 * recognises, the file's name and the bundled file's path.
 */
export type SourceAt<Step extends 'request' | 'saved'> =
  | { kind: 'url'; url: string }
  | ({ kind: 'file'; name: string } & (Step extends 'request' ? { uploadId: string } : unknown))
  | ({ kind: 'bundled' } & (Step extends 'saved' ? { path: string } : unknown));

/** What an import is asked to read: the options page's request, the job's source. */
export type ImportSource = SourceAt<'request'>;

/** Where the dataset in the cache came from. */
export type DatasetSource = SourceAt<'saved'>;

/** What the user sees about the dataset in the cache. */
export interface DatasetRecord {
  /** Unique per import, so a new dataset can be written beside the one in use. */
  id: string;
  source: DatasetSource;
  /** SHA-256 of the source file, where known (the bundled sample): tells an unchanged file. */
  contentHash?: string | undefined;
  /** Format the file was read as, and its size in bytes. */
  format?: string | undefined;
  bytes?: number | undefined;
  report: ImportReport;
  segmentCount: number;
  importedAt: number;
}

/** Which dataset the panel answers from, as pages and tabs watch it (a storage item, not the cache). */
export type ActiveDataset = Pick<DatasetRecord, 'id' | 'importedAt'>;

export interface VideoRecord extends VideoInfo {
  datasetId: string;
}

export interface TranscriptRecord {
  datasetId: string;
  videoId: VideoId;
  segments: Segment[];
}

/** A file the options page handed over for import, kept until the import ends (so a restart can redo it). */
export interface UploadRecord {
  id: string;
  name: string;
  blob: Blob;
  stagedAt: number;
}
