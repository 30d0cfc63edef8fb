import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findPanelPlacement, keepPanelHostPlaced, measureWindowInsets, PLACEMENT_CHECK_MS } from '../../../lib/youtube/placement';
import { buildWatchPage } from '../../support/watch-page';

beforeEach(() => {
  // happy-dom has no layout: pretend what is in the document and not [hidden] is shown.
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
    return (this.isConnected && !this.closest('[hidden]') ? [new DOMRect(0, 0, 10, 10)] : []) as unknown as DOMRectList;
  });
});

/** Every placement a test starts, stopped after it: one left running would keep moving the next test's page. */
const running: AbortController[] = [];
function startSignal(): AbortSignal {
  const controller = new AbortController();
  running.push(controller);
  return controller.signal;
}

afterEach(() => {
  for (const controller of running.splice(0)) controller.abort();
  document.body.replaceChildren();
  vi.useRealTimers();
});

const sidebar = () => document.querySelector('#secondary-inner')!;

describe('findPanelPlacement', () => {
  it('prefers the sidebar, then under the player, then floating', () => {
    buildWatchPage(document);
    expect(findPanelPlacement(document)).toEqual({ kind: 'sidebar', anchor: sidebar() });
    document.querySelector('#secondary')?.setAttribute('hidden', '');
    expect(findPanelPlacement(document)).toEqual({ kind: 'below-player', anchor: document.querySelector('ytd-watch-metadata') });
    document.querySelector('ytd-watch-metadata')?.remove();
    // Without the title block, anywhere under the player would be between player and title: float.
    expect(findPanelPlacement(document)).toEqual({ kind: 'floating' });
  });
});

/** Puts `tag` in the body, laid out at `top`..`bottom` of an 800 px window. */
function addBar(tag: string, top: number, bottom: number): Element {
  const bar = document.body.appendChild(document.createElement(tag));
  vi.spyOn(bar, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, top, 1280, bottom - top));
  return bar;
}

describe('measureWindowInsets', () => {
  beforeEach(() => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
  });

  it("keeps clear of YouTube Music's nav bar and player bar", () => {
    addBar('ytmusic-nav-bar', 0, 64);
    addBar('ytmusic-player-bar', 728, 800);
    expect(measureWindowInsets(document)).toEqual({ top: 64, bottom: 72 });
  });

  it("keeps clear of mobile YouTube's top bar and pivot bar", () => {
    addBar('ytm-mobile-topbar-renderer', 0, 48);
    addBar('ytm-pivot-bar-renderer', 752, 800);
    expect(measureWindowInsets(document)).toEqual({ top: 48, bottom: 48 });
  });

  it('ignores bars that are hidden, scrolled away or not at an edge', () => {
    addBar('ytmusic-player-bar', 728, 800).setAttribute('hidden', '');
    addBar('ytm-mobile-topbar-renderer', -48, 0);
    addBar('ytm-pivot-bar-renderer', 300, 348);
    expect(measureWindowInsets(document)).toEqual({ top: 0, bottom: 0 });
  });

  // Each row: one bar laid out in an 800 px window, and the inset it takes.
  it.each([
    ['a masthead at the top edge', 'ytd-masthead', '#masthead-container', 0, 56, { top: 56, bottom: 0 }],
    ['a top bar one pixel below the edge (sub-pixel layout)', 'ytmusic-nav-bar', '', 1, 65, { top: 65, bottom: 0 }],
    ['a top bar two pixels below the edge', 'ytmusic-nav-bar', '', 2, 66, { top: 0, bottom: 0 }],
    ['a top bar further down the page', 'ytm-mobile-topbar-renderer', '', 100, 148, { top: 0, bottom: 0 }],
    ['a top "bar" reaching the middle of the window (an open menu)', 'ytm-mobile-topbar-renderer', '', 0, 400, { top: 0, bottom: 0 }],
    ['a top "bar" reaching past the middle', 'ytm-mobile-topbar-renderer', '', 0, 500, { top: 0, bottom: 0 }],
    ['a bottom bar one pixel above the edge', 'ytmusic-player-bar', '', 727, 799, { top: 0, bottom: 73 }],
    ['a bottom bar two pixels above the edge', 'ytmusic-player-bar', '', 726, 798, { top: 0, bottom: 0 }],
    ['a bottom bar in the lower half, off the edge', 'ytm-pivot-bar-renderer', '', 600, 648, { top: 0, bottom: 0 }],
    ['a bottom "bar" starting at the middle', 'ytm-pivot-bar-renderer', '', 400, 800, { top: 0, bottom: 0 }],
    ['a bottom "bar" starting above the middle', 'ytm-pivot-bar-renderer', '', 300, 800, { top: 0, bottom: 0 }],
  ])('with %s', (_name, tag, id, top, bottom, insets) => {
    const bar = addBar(tag, top, bottom);
    if (id) {
      // The masthead's fixed container, as on desktop YouTube.
      bar.id = id.slice(1);
    }
    expect(measureWindowInsets(document)).toEqual(insets);
  });

  it('ignores a hidden top bar', () => {
    addBar('ytm-mobile-topbar-renderer', 0, 48).setAttribute('hidden', '');
    expect(measureWindowInsets(document)).toEqual({ top: 0, bottom: 0 });
  });

  it('keeps clear of the lowest of two top bars, whichever comes first in the page', () => {
    addBar('ytmusic-nav-bar', 0, 64);
    addBar('ytm-mobile-topbar-renderer', 0, 48);
    expect(measureWindowInsets(document)).toEqual({ top: 64, bottom: 0 });
  });
});

describe('keepPanelHostPlaced', () => {
  function start() {
    vi.useFakeTimers();
    buildWatchPage(document);
    const host = document.createElement('div');
    const controller = new AbortController();
    running.push(controller);
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
    const oldBody = document.body;
    const newBody = document.createElement('body');
    newBody.append(...oldBody.childNodes);
    document.documentElement.replaceChild(newBody, oldBody);
    try {
      await settle();
      expect(sidebar().firstElementChild).toBe(host);
      sidebar().replaceChildren(document.createElement('div'));
      await settle();
      expect(sidebar().firstElementChild).toBe(host);
    } finally {
      // Testing Library's `screen` keeps the body it first saw: the tests after this one (in one document) need it back.
      document.documentElement.replaceChild(oldBody, newBody);
    }
  });

  it('floats when the page has nowhere to put it, clear of the bars at the edges', async () => {
    const { host } = start();
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(800);
    document.body.replaceChildren();
    addBar('ytmusic-player-bar', 728, 800);
    await settle();
    expect(host.parentElement).toBe(document.body);
    expect(host.hasAttribute('data-floating')).toBe(true);
    expect(host.getAttribute('data-placement')).toBe('floating');
    expect(host.style.getPropertyValue('--yts-inset-bottom')).toBe('72px');
    expect(host.style.getPropertyValue('--yts-inset-top')).toBe('0px');
  });

  it('goes under the title and description when the sidebar is hidden, and back to the sidebar when it returns', async () => {
    const { host } = start();
    document.querySelector('#secondary')!.setAttribute('hidden', '');
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(document.querySelector('ytd-watch-metadata')!.nextElementSibling).toBe(host);
    expect(host.getAttribute('data-placement')).toBe('below-player');
    expect(host.hasAttribute('data-floating')).toBe(false);
    document.querySelector('#secondary')!.removeAttribute('hidden');
    window.dispatchEvent(new Event('resize'));
    await settle();
    expect(sidebar().firstElementChild).toBe(host);
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

  it('leaves the panel under the title when another extension inserts something between them', async () => {
    const { host } = start();
    document.querySelector('#secondary')!.setAttribute('hidden', '');
    window.dispatchEvent(new Event('resize'));
    await settle();
    const metadata = document.querySelector('ytd-watch-metadata')!;
    const other = document.createElement('div');
    metadata.after(other);
    await settle();
    expect([metadata.nextElementSibling, other.nextElementSibling]).toEqual([other, host]);
  });

  it('leaves a floating panel where it is when the page adds to its body (moving it would take the focus from its search box)', async () => {
    const { host } = start();
    document.body.replaceChildren();
    await settle();
    expect(host.parentElement).toBe(document.body);
    const later = document.body.appendChild(document.createElement('div'));
    await settle();
    expect([...document.body.children]).toEqual([host, later]);
  });
});

describe('keepPanelHostPlaced while the page loads (the content script starts with the document)', () => {
  beforeEach(() => {
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
  });

  it('waits for a place rather than float, and takes the sidebar the moment it appears', async () => {
    document.body.replaceChildren();
    const host = document.createElement('div');
    keepPanelHostPlaced(host, document, startSignal());
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
    keepPanelHostPlaced(host, document, startSignal());
    expect(host.isConnected).toBe(false);
    vi.spyOn(document, 'readyState', 'get').mockReturnValue('complete');
    window.dispatchEvent(new Event('load'));
    expect(host.parentElement).toBe(document.body);
    expect(host.hasAttribute('data-floating')).toBe(true);
  });
});

describe('measureWindowInsets around the player', () => {
  beforeEach(() => {
    vi.spyOn(window, 'innerHeight', 'get').mockReturnValue(844);
  });

  /** A floating panel's host in the right-hand column of a 390 px wide window. */
  function hostAt(left: number, right: number): Element {
    const host = document.body.appendChild(document.createElement('div'));
    vi.spyOn(host, 'getBoundingClientRect').mockReturnValue(new DOMRect(left, 0, right - left, 400));
    return host;
  }

  it('keeps below a player that sits over its column with room to spare (mobile YouTube, portrait)', () => {
    addBar('ytm-mobile-topbar-renderer', 0, 48);
    addBar('ytm-pivot-bar-renderer', 796, 844);
    const player = addBar('div', 48, 267);
    player.id = 'movie_player';
    expect(measureWindowInsets(document, hostAt(16, 374))).toEqual({ top: 267, bottom: 48 });
  });

  it('ignores a player beside its column, or one that leaves too little room below', () => {
    const player = addBar('div', 64, 500);
    player.id = 'movie_player';
    vi.spyOn(player, 'getBoundingClientRect').mockReturnValue(new DOMRect(32, 64, 700, 436));
    expect(measureWindowInsets(document, hostAt(864, 1264))).toEqual({ top: 0, bottom: 0 });
    vi.spyOn(player, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 48, 1280, 700));
    expect(measureWindowInsets(document, hostAt(864, 1264))).toEqual({ top: 0, bottom: 0 });
  });

  // A 390 px wide window with a 48 px top bar and a 48 px pivot bar: 748 px between them.
  it.each([
    ['right of the column', new DOMRect(400, 48, 390, 219), { top: 48, bottom: 48 }],
    ['touching the column on its right', new DOMRect(374, 48, 390, 219), { top: 48, bottom: 48 }],
    ['left of the column, touching it', new DOMRect(-374, 48, 390, 219), { top: 48, bottom: 48 }],
    ['scrolled up under the top bar', new DOMRect(0, -179, 390, 219), { top: 48, bottom: 48 }],
    ['leaving exactly 200 px below it', new DOMRect(0, 48, 390, 548), { top: 596, bottom: 48 }],
    ['leaving 156 px below it', new DOMRect(0, 48, 390, 592), { top: 48, bottom: 48 }],
  ])('with the player %s', (_name, playerBox, insets) => {
    addBar('ytm-mobile-topbar-renderer', 0, 48);
    addBar('ytm-pivot-bar-renderer', 796, 844);
    const player = addBar('div', 0, 0);
    player.id = 'movie_player';
    vi.spyOn(player, 'getBoundingClientRect').mockReturnValue(playerBox);
    expect(measureWindowInsets(document, hostAt(16, 374))).toEqual(insets);
  });
});
