import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { callExtension, guardContentScriptContext, isExtensionAlive, ORPHAN_CHECK_MS } from '../../../lib/panel/extension-context';

const EXTENSION_ID = fakeBrowser.runtime.id;

/** What Chromium does to a content script whose extension was reloaded or updated. */
function cutOffFromExtension(): void {
  fakeBrowser.runtime.id = undefined as unknown as string;
}

/** The document event WXT's newer copy dispatches, named as WXT names it. */
function dispatchScriptStarted(detail: { contentScriptName: string; messageId: string }): void {
  const { SCRIPT_STARTED_MESSAGE_TYPE } = ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string };
  document.dispatchEvent(new CustomEvent(SCRIPT_STARTED_MESSAGE_TYPE, { detail }));
}

const contexts: ContentScriptContext[] = [];
function createContext(): ContentScriptContext {
  const ctx = new ContentScriptContext('youtube');
  contexts.push(ctx);
  return ctx;
}

afterEach(() => {
  for (const ctx of contexts.splice(0)) ctx.abort();
  fakeBrowser.runtime.id = EXTENSION_ID;
  vi.useRealTimers();
});

describe('guardContentScriptContext', () => {
  it("ignores a page's forged 'newer copy started' event while the extension is there", () => {
    const ctx = createContext();
    guardContentScriptContext(ctx);
    dispatchScriptStarted({ contentScriptName: 'youtube', messageId: 'forged' });
    expect(ctx.signal.aborted).toBe(false);
  });

  it('without the guard, that event ends the context (why the guard exists)', () => {
    const ctx = createContext();
    dispatchScriptStarted({ contentScriptName: 'youtube', messageId: 'forged' });
    expect(ctx.signal.aborted).toBe(true);
  });

  it('gives way to a newer copy once this one is cut off from the extension', () => {
    const ctx = createContext();
    guardContentScriptContext(ctx);
    cutOffFromExtension();
    dispatchScriptStarted({ contentScriptName: 'youtube', messageId: 'newer' });
    expect(ctx.signal.aborted).toBe(true);
  });
});

describe('an extension reloaded under the content script', () => {
  it('ends the context within a check, with nothing else happening, and stops checking', async () => {
    vi.useFakeTimers();
    const ctx = createContext();
    const onInvalidated = vi.fn();
    ctx.onInvalidated(onInvalidated);
    guardContentScriptContext(ctx);
    await vi.advanceTimersByTimeAsync(ORPHAN_CHECK_MS * 3);
    expect(onInvalidated).not.toHaveBeenCalled();
    cutOffFromExtension();
    await vi.advanceTimersByTimeAsync(ORPHAN_CHECK_MS);
    expect(onInvalidated).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
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

  it('lets no promise it returns reject unhandled, when the caller does not wait for it', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      void callExtension(() => Promise.reject(new Error('Extension context invalidated.')));
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
  });

  it('counts an extension whose API throws when touched (Firefox: a dead object) as gone', () => {
    const runtime = Object.getOwnPropertyDescriptor(fakeBrowser, 'runtime')!;
    Object.defineProperty(fakeBrowser, 'runtime', {
      configurable: true,
      get() {
        throw new TypeError("can't access dead object");
      },
    });
    try {
      expect(isExtensionAlive()).toBe(false);
    } finally {
      Object.defineProperty(fakeBrowser, 'runtime', runtime);
    }
  });
});
