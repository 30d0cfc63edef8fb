import { describe, expect, it } from 'vitest';
import { createImportSlot } from '../../../lib/imports/import-slot';

describe('the import slot', () => {
  it('has one holder at a time; releasing frees it once', async () => {
    const slot = createImportSlot();
    const first = slot.take();
    expect(first).not.toBeNull();
    expect(slot.take()).toBeNull();
    expect(slot.held).toBe(first);
    let freed = false;
    void slot.whenFree().then(() => (freed = true));
    first?.release();
    await Promise.resolve();
    expect(freed).toBe(true);
    const second = slot.take();
    expect(second).not.toBeNull();
    first?.release(); // a stale lease cannot free the new holder's slot
    expect(slot.take()).toBeNull();
    expect(slot.held).toBe(second);
  });

  it('cancel aborts the holder and resolves once it has let go', async () => {
    const slot = createImportSlot();
    const lease = slot.take()!;
    const order: string[] = [];
    lease.signal.addEventListener('abort', () => {
      order.push('aborted');
      setTimeout(() => {
        order.push('released');
        lease.release();
      }, 5);
    });
    expect(await slot.cancel()).toBe(true);
    order.push('cancel resolved');
    expect(order).toEqual(['aborted', 'released', 'cancel resolved']);
    expect(slot.held).toBeNull();
  });

  it('has nothing to cancel when free', async () => {
    const slot = createImportSlot();
    expect(await slot.cancel()).toBe(false);
    await expect(slot.whenFree()).resolves.toBeUndefined();
  });
});
