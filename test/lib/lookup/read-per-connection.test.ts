import { describe, expect, it, vi } from 'vitest';
import { createReadPerConnection } from '../../../lib/lookup/read-per-connection';

describe('createReadPerConnection', () => {
  it('reads a connection once, a new connection again, and again after forget', async () => {
    const first = { name: 'first' };
    const second = { name: 'second' };
    let reads = 0;
    const kept = createReadPerConnection((db: { name: string }) => Promise.resolve(`${db.name} #${(reads += 1)}`));
    expect(await kept.get(first)).toBe('first #1');
    expect(await kept.get(first)).toBe('first #1');
    expect(await kept.get(second)).toBe('second #2');
    kept.forget();
    expect(await kept.get(second)).toBe('second #3');
  });

  it('does not keep a read that failed', async () => {
    const db = {};
    const read = vi.fn<(db: object) => Promise<string>>().mockRejectedValueOnce(new Error('closed')).mockResolvedValue('ok');
    const kept = createReadPerConnection(read);
    await expect(kept.get(db)).rejects.toThrow('closed');
    expect(await kept.get(db)).toBe('ok');
    expect(read).toHaveBeenCalledTimes(2);
  });
});
