/**
 * The worker's one connection to the cache, for its whole life. The browser
 * can take a connection away at any time (the user clears the extension's
 * data; another context deletes the database): the next `get` then opens a
 * new one, and `onLost` listeners learn that the cache must be filled again.
 */
import { DB_NAME, openTranscriptDb, type TranscriptDb } from './schema';

export interface DatabaseConnection {
  /** The open connection; opens one (again) when there is none. */
  get(): Promise<TranscriptDb>;
  /** Calls `listener` each time the browser takes the open connection away. */
  onLost(listener: () => void): void;
}

export function createDatabaseConnection(name: string = DB_NAME): DatabaseConnection {
  let current: Promise<TranscriptDb> | null = null;
  const listeners: Array<() => void> = [];

  function open(): Promise<TranscriptDb> {
    const onLost = (): void => {
      if (current !== opening) return; // already replaced: this loss was reported once
      current = null;
      for (const listener of listeners) listener();
    };
    // As a promise even if opening throws at once.
    const opening = new Promise<TranscriptDb>((resolve) => resolve(openTranscriptDb(name, { onLost })));
    // A failed open is not kept: the next request tries again.
    opening.catch(() => {
      if (current === opening) current = null;
    });
    return opening;
  }

  return {
    get() {
      current ??= open();
      return current;
    },
    onLost(listener) {
      listeners.push(listener);
    },
  };
}
