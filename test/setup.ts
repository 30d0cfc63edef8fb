// IndexedDB for the store tests, and a clean DOM and fake browser for each test. The body is
// emptied too: a page some test built by hand (test/support/watch-page.ts) must not reach the
// next test file when files share one DOM (`isolate: false`, as `npm run mutate` runs them).
import 'fake-indexeddb/auto';
import { Blob as NodeBlob } from 'node:buffer';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// fake-indexeddb stores a copy made by Node's structuredClone, which keeps Node's Blobs (as a
// browser's IndexedDB keeps its own) but turns happy-dom's into plain objects: the library
// index stores its parts as Blobs (lib/store/index-part-record.ts).
globalThis.Blob = NodeBlob as typeof Blob;

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  cleanup();
  // Node-environment test files have no DOM.
  if (typeof document !== 'undefined') document.body.replaceChildren();
});
