import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { scrollIntoContainer } from './scroll-into-container';
import './ScrollList.css';

export interface ScrollListProps {
  label: string;
  /** Index (the `data-index` of a child `<li>`) to keep in view, or -1. */
  activeIndex: number;
  /** Keep `activeIndex` in view as it changes. */
  follow: boolean;
  /** Centre the active item (following playback) rather than just reveal it (stepping through hits). */
  center: boolean;
  /** The user scrolled the list themselves (not us keeping an item in view). */
  onUserScroll?: () => void;
  /** Changes when the items do (a new query), so the active item is brought into view again. */
  contentKey?: string;
  children: ComponentChildren;
}

/** A scrolling list that can keep one item in view without moving YouTube's page. */
export function ScrollList({ label, activeIndex, follow, center, onUserScroll, contentKey, children }: ScrollListProps) {
  const listRef = useRef<HTMLUListElement>(null);
  const expectedTop = useRef<number | null>(null);

  useEffect(() => {
    const list = listRef.current;
    if (!follow || activeIndex < 0 || !list) return;
    const item = list.querySelector<HTMLElement>(`:scope > [data-index="${activeIndex}"]`);
    if (item) expectedTop.current = scrollIntoContainer(list, item, { center });
  }, [activeIndex, follow, center, contentKey]);

  const handleScroll = () => {
    const list = listRef.current;
    if (!list) return;
    const expected = expectedTop.current;
    // Our own scrolls land where we put them; anything else is the user's.
    if (expected !== null && Math.abs(list.scrollTop - expected) <= 2) return;
    expectedTop.current = null;
    onUserScroll?.();
  };

  return (
    <ul class="yts-list" aria-label={label} ref={listRef} onScroll={handleScroll}>
      {children}
    </ul>
  );
}
