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
  /** The user moved the list themselves, by scrolling or by keyboard (not us keeping an item in view). */
  onUserScroll?: () => void;
  /** Changes when the items do (a new query), so the active item is brought into view again. */
  contentKey?: string;
  /** Focus moved to the item at this index (by Tab, arrows or a click): it should be the list's Tab stop. */
  onFocusItem?: (index: number) => void;
  children: ComponentChildren;
}

/** A scrolling list that can keep one item in view without moving YouTube's page. */
export function ScrollList({
  label,
  activeIndex,
  follow,
  center,
  onUserScroll,
  contentKey,
  onFocusItem,
  children,
}: ScrollListProps) {
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

  // One Tab stop for the whole list; arrow keys, Home and End move between its buttons.
  const handleKeyDown = (event: KeyboardEvent) => {
    const list = listRef.current;
    if (!list || !(event.target instanceof HTMLElement)) return;
    const buttons = [...list.querySelectorAll<HTMLElement>(':scope > li > button')];
    const index = buttons.indexOf(event.target);
    if (index < 0) return;
    const PAGE = 5;
    const targets: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + PAGE,
      PageUp: index - PAGE,
      Home: 0,
      End: buttons.length - 1,
    };
    const wanted = targets[event.key];
    if (wanted === undefined) return;
    event.preventDefault();
    const next = buttons[Math.min(buttons.length - 1, Math.max(0, wanted))]!;
    next.focus({ preventScroll: true });
    expectedTop.current = scrollIntoContainer(list, next, { center: false });
    onUserScroll?.(); // browsing by keyboard is the user moving the list too
  };

  return (
    <ul
      class="yts-list"
      aria-label={label}
      ref={listRef}
      onScroll={handleScroll}
      onKeyDown={handleKeyDown}
      onFocusIn={(event) => {
        const item = event.target instanceof HTMLElement ? event.target.closest('li') : null;
        const index = Number(item?.dataset.index);
        if (item?.parentElement === listRef.current && Number.isInteger(index)) onFocusItem?.(index);
      }}
    >
      {children}
    </ul>
  );
}
