/**
 * Opening what an import reads: a URL, a file the options page staged in the
 * cache, or the sample bundled with the extension. Every source ends as the
 * same byte stream for the same import path.
 */
import { hashBytes } from '../dataset/content-hash';
import { getUpload } from '../store/uploads';
import type { TranscriptDb } from '../store/schema';
import type { ImportSource } from '../store/records';
import { openResponse, requestUrl, type Downloader, type OpenedSource } from './open-url';

export interface SourceOpeners extends Downloader {
  /** Absolute URL of the bundled sample. */
  bundledUrl: string;
}

/**
 * Reads the bundled sample whole (it is small) and hashes it: the hash tells
 * an unchanged sample at start-up, and an older one after an extension update.
 */
export async function openBundled({ fetch: fetchFn, bundledUrl }: SourceOpeners, signal: AbortSignal): Promise<OpenedSource> {
  const response = await fetchFn(bundledUrl, { signal });
  if (!response.ok) throw new Error(`the bundled file could not be read (HTTP ${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    stream: new Blob([bytes]).stream(),
    totalBytes: bytes.length,
    contentHash: await hashBytes(bytes),
  };
}

/** Opens `source` for reading. Side effects: a network request for a URL or the bundled file. */
export async function openSource(
  source: ImportSource,
  { db, signal, openers }: { db: TranscriptDb; signal: AbortSignal; openers: SourceOpeners },
): Promise<OpenedSource> {
  switch (source.kind) {
    case 'url':
      return openResponse(await requestUrl(openers, source.url, signal), { url: source.url, idleTimeoutMs: openers.idleTimeoutMs });
    case 'file': {
      const upload = await getUpload(db, source.uploadId);
      if (!upload) throw new Error('the file is no longer staged; choose it again');
      return { stream: upload.blob.stream(), totalBytes: upload.blob.size };
    }
    case 'bundled':
      return openBundled(openers, signal);
  }
}
