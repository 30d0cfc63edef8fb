import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { DOWNLOAD_FORMATS, type DownloadFormatId } from '../lib/export/formats';
import { Icon } from './Icon';
import './ExportMenu.css';

export type CopyKind = 'transcript' | 'timestamps' | 'matches';

export interface ExportMenuProps {
  /** Hits of the search being shown: "Copy matches" is offered only when there are some. */
  matchCount: number;
  /** Puts the chosen text on the clipboard; rejects if it could not. */
  onCopy: (kind: CopyKind) => Promise<void>;
  /** Saves the transcript as a file in `format`. */
  onDownload: (format: DownloadFormatId) => void;
}

type MenuItem = { label: string; copy: CopyKind } | { label: string; download: DownloadFormatId };

const STATUS_MS = 2500;

function listItems(matchCount: number): MenuItem[] {
  return [
    { label: 'Copy transcript', copy: 'transcript' },
    { label: 'Copy with timestamps', copy: 'timestamps' },
    ...(matchCount > 0 ? [{ label: 'Copy matches', copy: 'matches' } as const] : []),
    ...DOWNLOAD_FORMATS.map((format) => ({ label: `Download ${format.label}`, download: format.id })),
  ];
}

function describeCopied(kind: CopyKind, matchCount: number): string {
  if (kind === 'matches') return matchCount === 1 ? '1 match copied' : `${matchCount} matches copied`;
  return kind === 'timestamps' ? 'Transcript with timestamps copied' : 'Transcript copied';
}

/**
 * The panel header's menu button (WAI-ARIA menu button pattern): copy the
 * transcript, with timestamps, or the search matches; download it as a file.
 * Arrow keys, Home and End move in the open menu, Enter or Space chooses, Escape
 * closes it and returns to the button; leaving the menu closes it.
 */
export function ExportMenu({ matchCount, onCopy, onDownload }: ExportMenuProps) {
  const menuId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  // The item to focus, or null while the menu is closed.
  const [active, setActive] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  const items = listItems(matchCount);
  const open = active !== null;

  useEffect(() => {
    if (active !== null) itemRefs.current[active]?.focus();
  }, [active]);

  useEffect(() => {
    if (status === '') return;
    const timer = setTimeout(() => setStatus(''), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const close = ({ refocus }: { refocus: boolean }) => {
    setActive(null);
    if (refocus) buttonRef.current?.focus();
  };

  const choose = (item: MenuItem) => {
    close({ refocus: true });
    if ('download' in item) {
      onDownload(item.download);
      return;
    }
    onCopy(item.copy).then(
      () => setStatus(describeCopied(item.copy, matchCount)),
      () => setStatus('Could not copy: the browser did not allow it'),
    );
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActive(event.key === 'ArrowDown' ? 0 : items.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    if (active === null) return;
    const last = items.length - 1;
    const moves: Partial<Record<string, number>> = {
      ArrowDown: active === last ? 0 : active + 1,
      ArrowUp: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setActive(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close({ refocus: true });
    } else if (event.key === 'Tab') {
      close({ refocus: false });
    }
  };

  return (
    <div
      class="yts-export"
      onFocusOut={(event) => {
        // Focus left the button and the menu (a click elsewhere, Tab away): close.
        const next = event.relatedTarget;
        if (open && !(next instanceof Node && event.currentTarget.contains(next))) setActive(null);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        class="yts-icon-button"
        aria-label="Copy or download transcript"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => (open ? close({ refocus: false }) : setActive(0))}
        onKeyDown={onButtonKeyDown}
      >
        <Icon name="moreVert" />
      </button>
      <div
        id={menuId}
        class="yts-export__menu"
        role="menu"
        aria-label="Copy or download transcript"
        hidden={!open}
        onKeyDown={onMenuKeyDown}
        // Where a click does not focus a button (macOS), the blur would close the menu before the click lands.
        onMouseDown={(event) => event.preventDefault()}
      >
        {items.map((item, index) => (
          <button
            key={item.label}
            ref={(element) => {
              itemRefs.current[index] = element;
            }}
            type="button"
            role="menuitem"
            tabIndex={-1}
            class={'download' in item && index > 0 && !('download' in items[index - 1]!) ? 'yts-export__item yts-export__item--group' : 'yts-export__item'}
            onClick={() => choose(item)}
          >
            {item.label}
          </button>
        ))}
      </div>
      <span class="yts-export__status" role="status">
        {status}
      </span>
    </div>
  );
}
