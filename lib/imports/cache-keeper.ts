/**
 * Keeps the cache answering for the worker's whole life: the start-up
 * preparation, and a recovery each time the browser takes the database away
 * (the user cleared the extension's data, or another context deleted it). A
 * recovery stops the running import (what it wrote went with the database),
 * opens the cache again and caches the bundled sample again.
 */
import type { DatabaseConnection } from '../store/connection';
import type { ImportController } from './controller';
import { CacheLostError } from './errors';
import type { ImportJob } from './job';
import type { ValueStore } from './job-recorder';
import { startUp } from './start-up';

export interface CacheKeeperOptions {
  connection: DatabaseConnection;
  jobStore: ValueStore<ImportJob | null>;
  imports: Pick<ImportController, 'ensureBundled' | 'resumeInterrupted' | 'cancel'>;
  /** Told of a start-up or recovery that failed (it is also what `ready` rejects with). */
  onError?: (error: unknown) => void;
  /** Pauses before each further try of a recovery that failed. */
  retryDelaysMs?: readonly number[];
}

export interface CacheKeeper {
  /** Settles when the cache can answer: after start-up, and again after each recovery. Rejects if it holds no dataset. */
  ready(): Promise<void>;
  /** Settles once start-up is over, an interrupted import included (started over, not finished). */
  started: Promise<void>;
}

/**
 * Pauses before each further try of a recovery. Chrome aborts a new
 * connection opened while it is still clearing the data ("The connection was
 * closed"), so the first try can fail for a moment.
 */
const RECOVERY_RETRY_MS = [100, 500, 2_000, 8_000];

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function keepCache({ connection, jobStore, imports, onError, retryDelaysMs = RECOVERY_RETRY_MS }: CacheKeeperOptions): CacheKeeper {
  const report = (promise: Promise<void>): Promise<void> => {
    promise.catch((error: unknown) => onError?.(error));
    return promise;
  };
  const start = startUp({ database: () => connection.get(), jobStore, imports });
  let ready = report(start.ready);

  connection.onLost(() => {
    ready = report(
      ready
        .catch(() => undefined)
        .then(async () => {
          await imports.cancel(new CacheLostError());
          for (const delay of retryDelaysMs) {
            try {
              await imports.ensureBundled();
              return;
            } catch {
              await sleep(delay);
            }
          }
          await imports.ensureBundled();
        }),
    );
  });

  return { ready: () => ready, started: start.resumed };
}
