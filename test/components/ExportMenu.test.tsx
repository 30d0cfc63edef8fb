import { render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExportMenu, type ExportMenuProps } from '../../components/ExportMenu';

const ALL_ITEMS = [
  'Copy transcript',
  'Copy with timestamps',
  'Download text (.txt)',
  'Download subtitles (.srt)',
  'Download subtitles (.vtt)',
  'Download Markdown (.md)',
];

function renderMenu(overrides: Partial<ExportMenuProps> = {}) {
  const props: ExportMenuProps = {
    matchCount: 0,
    onCopy: vi.fn(() => Promise.resolve()),
    onDownload: vi.fn(),
    ...overrides,
  };
  render(
    <div>
      <ExportMenu {...props} />
      <button type="button">Elsewhere</button>
    </div>,
  );
  return { props, user: userEvent.setup() };
}

const menuButton = () => screen.getByRole('button', { name: 'Copy or download transcript' });
/** Focus moves in an effect, after the key's render. */
const expectFocusOn = (text: string) => waitFor(() => expect(document.activeElement?.textContent).toBe(text));
const itemNames = () => screen.queryAllByRole('menuitem').map((item) => item.textContent);

describe('ExportMenu', () => {
  it('is a closed menu button until clicked, then lists copy and download items', async () => {
    const { user } = renderMenu();
    expect(menuButton().getAttribute('aria-expanded')).toBe('false');
    expect(menuButton().getAttribute('aria-haspopup')).toBe('menu');
    expect(screen.queryByRole('menu')).toBeNull();

    await user.click(menuButton());
    expect(menuButton().getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('menu', { name: 'Copy or download transcript' }).id).toBe(menuButton().getAttribute('aria-controls'));
    expect(itemNames()).toEqual(ALL_ITEMS);
    await expectFocusOn('Copy transcript');
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Copy transcript' }));
  });

  it('offers "Copy matches" only while a search has hits', async () => {
    const { user } = renderMenu({ matchCount: 3 });
    await user.click(menuButton());
    expect(itemNames()).toEqual([ALL_ITEMS[0], ALL_ITEMS[1], 'Copy matches', ...ALL_ITEMS.slice(2)]);
  });

  it.each([
    ['Copy transcript', 'transcript', 'Transcript copied'],
    ['Copy with timestamps', 'timestamps', 'Transcript with timestamps copied'],
    ['Copy matches', 'matches', '2 matches copied'],
  ] as const)('"%s" copies %s and says so', async (name, kind, message) => {
    const { props, user } = renderMenu({ matchCount: 2 });
    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name }));
    expect(props.onCopy).toHaveBeenCalledExactlyOnceWith(kind);
    expect(await screen.findByText(message)).toHaveProperty('role', 'status');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(menuButton());
  });

  it('says when the clipboard refused', async () => {
    const { user } = renderMenu({ onCopy: vi.fn(() => Promise.reject(new Error('denied'))) });
    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name: 'Copy transcript' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Could not copy: the browser did not allow it');
  });

  it.each([
    ['Download text (.txt)', 'txt'],
    ['Download subtitles (.srt)', 'srt'],
    ['Download subtitles (.vtt)', 'vtt'],
    ['Download Markdown (.md)', 'md'],
  ] as const)('"%s" downloads %s', async (name, format) => {
    const { props, user } = renderMenu();
    await user.click(menuButton());
    await user.click(screen.getByRole('menuitem', { name }));
    expect(props.onDownload).toHaveBeenCalledExactlyOnceWith(format);
    expect(props.onCopy).not.toHaveBeenCalled();
  });

  it('works from the keyboard: arrows (wrapping), Home, End, Enter, Escape', async () => {
    const { props, user } = renderMenu();
    menuButton().focus();
    await user.keyboard('{ArrowDown}');
    await expectFocusOn('Copy transcript');
    await user.keyboard('{ArrowUp}');
    await expectFocusOn('Download Markdown (.md)');
    await user.keyboard('{ArrowDown}');
    await expectFocusOn('Copy transcript');
    await user.keyboard('{End}');
    await expectFocusOn('Download Markdown (.md)');
    await user.keyboard('{Home}');
    await expectFocusOn('Copy transcript');
    await user.keyboard('{ArrowDown}');
    await expectFocusOn('Copy with timestamps');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(menuButton()));

    await user.keyboard('{ArrowUp}');
    await expectFocusOn('Download Markdown (.md)');
    await user.keyboard('{ArrowUp}');
    await expectFocusOn('Download subtitles (.vtt)');
    await user.keyboard('{Enter}');
    expect(props.onDownload).toHaveBeenCalledExactlyOnceWith('vtt');
    expect(document.activeElement).toBe(menuButton());

    await user.keyboard('{Enter}');
    await expectFocusOn('Copy transcript');
    await user.keyboard(' ');
    expect(props.onCopy).toHaveBeenCalledExactlyOnceWith('transcript');
  });

  it('closes when focus leaves it, and on a second click of the button', async () => {
    const { user } = renderMenu();
    await user.click(menuButton());
    await user.tab();
    expect(screen.queryByRole('menu')).toBeNull();

    await user.click(menuButton());
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('menu')).toBeNull();

    await user.click(menuButton());
    await user.click(menuButton());
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('keeps its items out of the Tab order', async () => {
    const { user } = renderMenu();
    await user.click(menuButton());
    for (const item of screen.getAllByRole('menuitem')) expect(item.tabIndex).toBe(-1);
  });
});
