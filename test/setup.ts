// IndexedDB for the store tests, and a clean DOM and fake browser for each test. The body is
// emptied too: a page some test built by hand (test/support/watch-page.ts) must not reach the
// next test file when files share one DOM (`isolate: false`, as `npm run mutate` runs them).
import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  cleanup();
  // Node-environment test files have no DOM.
  if (typeof document !== 'undefined') document.body.replaceChildren();
});
