/**
 * A content script outlives its extension: after a reload or an update,
 * Chromium leaves the old copy running in open tabs, cut off from the
 * extension, and every extension API call throws "Extension context
 * invalidated." These helpers notice that and keep the throw out of the page.
 */
import { browser } from '#imports';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

/** Whether this script can still reach its extension. Never throws. */
export function isExtensionAlive(): boolean {
  try {
    // Chromium clears `runtime.id` in a copy cut off from its extension.
    return typeof (browser.runtime as { id?: unknown } | undefined)?.id === 'string';
  } catch {
    return false;
  }
}

/**
 * Runs one call into the extension's APIs and returns its result; once the
 * extension is gone it returns `undefined` instead of throwing, and a promise
 * it returns never rejects unhandled.
 */
export function callExtension<T>(call: () => T): T | undefined {
  if (!isExtensionAlive()) return undefined;
  try {
    const result = call();
    if (result instanceof Promise) result.catch(() => undefined);
    return result;
  } catch {
    // Cut off between the check and the call: nothing left to do.
    return undefined;
  }
}

/** How often the content script checks that its extension is still there (a property read, no messaging). */
export const ORPHAN_CHECK_MS = 1000;

/**
 * Ties WXT's context (`ctx`, the script's whole life) to the extension really
 * being there, and to nothing the page can fake:
 *
 * - Nothing tells a copy cut off from its extension (reloaded or updated) that
 *   it is one, and WXT only notices when asked. It checks every `checkEveryMs`
 *   and ends the context at once, which removes the panel and stops everything
 *   tied to it, before anything can call into the extension and throw.
 * - WXT ends a context when a document event `<extension id>:<script>:wxt:content-script-started`
 *   says a newer copy of the script started. Any page can dispatch that event (the id of a
 *   store extension is public) and Chromium hands its `detail` to the isolated world, so a
 *   page could switch the panel off for good. A genuine newer copy only ever follows this
 *   copy being cut off (Chromium injects no new copy into open tabs, Firefox unloads the
 *   old one first), so the event is heeded only then.
 *
 * Side effects: overrides `ctx.verifyScriptStartedEvent`; a timer, ended with `ctx`.
 */
export function guardContentScriptContext(ctx: ContentScriptContext, { checkEveryMs = ORPHAN_CHECK_MS } = {}): void {
  const isFromNewerCopy = ctx.verifyScriptStartedEvent.bind(ctx);
  ctx.verifyScriptStartedEvent = (event) => isFromNewerCopy(event) && !isExtensionAlive();
  const timer = setInterval(() => {
    if (!isExtensionAlive()) ctx.notifyInvalidated();
  }, checkEveryMs);
  ctx.onInvalidated(() => clearInterval(timer));
}
