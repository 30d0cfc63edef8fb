import { describe, expect, it } from 'vitest';
import { createDatabaseConnection } from '../../../lib/store/connection';
import { getActiveDataset } from '../../../lib/store/reads';
import { SAMPLE_JSONL } from '../../fixtures/sample';
import { clearSiteData } from '../../support/clear-site-data';
import { importJsonLines } from '../../support/import-text';

const BUNDLED = { kind: 'bundled', path: '/sample.jsonl' } as const;

describe('the worker’s connection to the cache', () => {
  it('is opened once and shared', async () => {
    const connection = createDatabaseConnection(`connection-${Math.random()}`);
    expect(await connection.get()).toBe(await connection.get());
  });

  it('reports a forced close (cleared site data) once, and opens a working connection next time', async () => {
    const connection = createDatabaseConnection(`connection-${Math.random()}`);
    let losses = 0;
    connection.onLost(() => (losses += 1));
    const first = await connection.get();
    await importJsonLines(first, SAMPLE_JSONL, BUNDLED);

    await clearSiteData(first);
    expect(losses).toBe(1);
    await expect(getActiveDataset(first)).rejects.toThrow();

    const second = await connection.get();
    expect(second).not.toBe(first);
    expect(await getActiveDataset(second)).toBeUndefined(); // the data went with it
    await importJsonLines(second, SAMPLE_JSONL, BUNDLED);
    expect((await getActiveDataset(second))?.segmentCount).toBe(100);
    expect(losses).toBe(1);
    second.close();
  });

  it('lets another context delete the database instead of blocking it', async () => {
    const name = `connection-${Math.random()}`;
    const connection = createDatabaseConnection(name);
    let losses = 0;
    connection.onLost(() => (losses += 1));
    await importJsonLines(await connection.get(), SAMPLE_JSONL, BUNDLED);

    const outcome = await new Promise<string>((resolve) => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = () => resolve('deleted');
      request.onerror = () => resolve('failed');
      request.onblocked = () => resolve('blocked');
    });
    expect(outcome).toBe('deleted');
    expect(losses).toBe(1);
    const reopened = await connection.get();
    expect(await getActiveDataset(reopened)).toBeUndefined();
    reopened.close();
  });

  it('tries again after an open that failed', async () => {
    const connection = createDatabaseConnection(`connection-${Math.random()}`);
    const realOpen = indexedDB.open.bind(indexedDB);
    let attempts = 0;
    indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
      attempts += 1;
      if (attempts === 1) throw new DOMException('The user denied permission to access the database.', 'UnknownError');
      return realOpen(...args);
    };
    try {
      await expect(connection.get()).rejects.toThrow('denied');
      const db = await connection.get();
      expect(db.objectStoreNames.contains('datasets')).toBe(true);
      db.close();
    } finally {
      indexedDB.open = realOpen;
    }
  });
});
