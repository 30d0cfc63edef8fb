import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findPanelPlacement, keepPanelHostPlaced, PLACEMENT_CHECK_MS } from '../../../lib/youtube/placement';
import { buildWatchPage } from '../../support/watch-page';

beforeEach(() => {
  // happy-dom has no layout: pretend what is in the document and not [hidden] is shown.
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return (this.isConnected && !this.closest('[hidden]') ? [new DOMRect(0, 0, 10, 10)] : []) as unknown as DOMRectList;
  });
});

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

const sidebar = () => document.querySelector('#secondary-inner')!;

describe('findPanelPlacement', () => {
  it('prefers the sidebar, then under the player, then floating', () => {
    buildWatchPage(document);
    expect(findPanelPlacement(document)).toEqual({ kind: 'sidebar', anchor: sidebar() });
    document.querySelector('#secondary')?.setAttribute('hidden', '');
    expect(findPanelPlacement(document)).toEqual({ kind: 'below-player', anchor: document.querySelector('#below') });
    document.querySelector('#below')?.remove();
    expect(findPanelPlacement(document)).toEqual({ kind: 'floating' });
  });
});

describe('keepPanelHostPlaced', () => {
  function start() {
    vi.useFakeTimers();
    buildWatchPage(document);
    const host = document.createElement('div');
    const controller = new AbortController();
    keepPanelHostPlaced(host, document, controller.signal);
    return { host, controller };
  }

  /** Lets the observer see the mutations, then the spaced check run. */
  async function settle(): Promise<void> {
    await vi.advanceTimersByTimeAsync(PLACEMENT_CHECK_MS + 10);
  }

  it('puts the panel first in the sidebar, and back there after YouTube rebuilds it', async () => {
    const { host } = start();
    expect(sidebar().firstElementChild).toBe(host);
    sidebar().replaceChildren(document.createElement('div'));
    expect(host.isConnected).toBe(false);
    await settle();
    expect(sidebar().firstElementChild).toBe(host);
  });

  it('follows the page into a new <body>, and back after the sidebar in it is rebuilt', async () => {
    const { host } = start();
    const newBody = document.createElement('body');
    newBody.append(...document.body.childNodes);
    document.documentElement.replaceChild(newBody, document.body);
    await settle();
    expect(sidebar().firstElementChild).toBe(host);
    sidebar().replaceChildren(document.createElement('div'));
    await settle();
    expect(sidebar().firstElementChild).toBe(host);
  });

  it('floats when the page has nowhere to put it', async () => {
    const { host } = start();
    document.body.replaceChildren();
    await settle();
    expect(host.parentElement).toBe(document.body);
    expect(host.hasAttribute('data-floating')).toBe(true);
  });

  it('moves into the new page at once after a navigation', () => {
    const { host } = start();
    sidebar().replaceChildren();
    document.dispatchEvent(new Event('yt-navigate-finish'));
    expect(sidebar().firstElementChild).toBe(host);
  });

  it('takes the panel out and stops watching when aborted', async () => {
    const { host, controller } = start();
    controller.abort();
    expect(host.isConnected).toBe(false);
    sidebar().replaceChildren(document.createElement('div'));
    document.dispatchEvent(new Event('yt-navigate-finish'));
    await settle();
    expect(host.isConnected).toBe(false);
  });

  it('leaves the panel where it is when it is already in place (another extension above it is fine)', async () => {
    const { host } = start();
    const other = document.createElement('div');
    sidebar().prepend(other);
    await settle();
    expect([...sidebar().children].slice(0, 2)).toEqual([other, host]);
  });
});

describe('keepPanelHostPlaced while the page loads (the content script starts with the document)', () => {
  beforeEach(() => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
  });

  it('waits for a place rather than float, and takes the sidebar the moment it appears', async () => {
    document.body.replaceChildren();
    const host = document.createElement('div');
    keepPanelHostPlaced(host, document, new AbortController().signal);
    expect(host.isConnected).toBe(false);
    buildWatchPage(document);
    // The observer's callback, not the spaced check: no timer has run.
    await Promise.resolve();
    expect(sidebar().firstElementChild).toBe(host);
    expect(host.hasAttribute('data-floating')).toBe(false);
  });

  it('floats once the page has loaded with nowhere to put it', () => {
    document.body.replaceChildren();
    const host = document.createElement('div');
    keepPanelHostPlaced(host, document, new AbortController().signal);
    expect(host.isConnected).toBe(false);
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('complete');
    window.dispatchEvent(new Event('load'));
    expect(host.parentElement).toBe(document.body);
    expect(host.hasAttribute('data-floating')).toBe(true);
  });
});
