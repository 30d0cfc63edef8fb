/**
 * Scrolls `container` so `item` is in view, without moving any other scroller.
 * `Element.scrollIntoView` would also scroll YouTube's page under the reader.
 * Returns the scrollTop it set, so scroll handlers can tell it from the user's own.
 */
export function scrollIntoContainer(container: HTMLElement, item: HTMLElement, { center }: { center: boolean }): number {
  const containerBox = container.getBoundingClientRect();
  const itemBox = item.getBoundingClientRect();
  const itemTop = itemBox.top - containerBox.top + container.scrollTop;
  const itemBottom = itemTop + itemBox.height;
  const viewTop = container.scrollTop;
  const viewBottom = viewTop + container.clientHeight;
  let target = viewTop;
  if (center) target = itemTop - (container.clientHeight - itemBox.height) / 2;
  else if (itemTop < viewTop) target = itemTop;
  else if (itemBottom > viewBottom) target = itemBottom - container.clientHeight;
  target = Math.max(0, Math.round(target));
  if (target !== viewTop) container.scrollTop = target;
  return container.scrollTop;
}
