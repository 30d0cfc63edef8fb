import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { TextFile } from '../lib/youtube/page';
import type { Player } from '../lib/youtube/player';

/** What the panel's components reach in the page, through context rather than props. */
export interface PageAccess {
  player: Player;
  /** Puts `text` on the clipboard; rejects if it could not. */
  copyText: (text: string) => Promise<void>;
  /** Saves `text` as a download. */
  saveFile: (file: TextFile) => void;
}

export const PageContext = createContext<PageAccess | null>(null);

/** The page the panel sits in. Only inside `PanelRoot` (or a test's `PageContext.Provider`). */
export function usePage(): PageAccess {
  const page = useContext(PageContext);
  if (!page) throw new Error('usePage needs a PageContext.Provider above it');
  return page;
}
