import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { callExtension, isExtensionAlive } from '../../../lib/panel/extension-context';

const EXTENSION_ID = fakeBrowser.runtime.id;

/** What Chromium does to a content script whose extension was reloaded or updated. */
function cutOffFromExtension(): void {
  fakeBrowser.runtime.id = undefined as unknown as string;
}

afterEach(() => {
  fakeBrowser.runtime.id = EXTENSION_ID;
});

describe('callExtension', () => {
  it('passes a call through while the extension is there', () => {
    expect(isExtensionAlive()).toBe(true);
    expect(callExtension(() => 42)).toBe(42);
  });

  it('never throws into the page once cut off, nor lets a promise reject unhandled', async () => {
    const call = vi.fn(() => {
      throw new Error('Extension context invalidated.');
    });
    expect(callExtension(call)).toBeUndefined();
    const rejected = callExtension(() => Promise.reject(new Error('Extension context invalidated.')));
    await expect(rejected).rejects.toThrow('invalidated');
    cutOffFromExtension();
    expect(isExtensionAlive()).toBe(false);
    const later = vi.fn();
    expect(callExtension(later)).toBeUndefined();
    expect(later).not.toHaveBeenCalled();
  });
});
