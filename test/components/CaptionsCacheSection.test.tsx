import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CaptionsCacheSection } from '../../components/CaptionsCacheSection';

describe('CaptionsCacheSection', () => {
  it("shows the cache's size, and the button clears it", async () => {
    const onClear = vi.fn();
    render(<CaptionsCacheSection summary={{ videos: 12, chars: 350_000 }} problem="" clearing={false} onClear={onClear} />);

    expect(screen.getByRole('region', { name: 'YouTube captions' })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('12 videos cached, 342 KB of caption text.');
    await userEvent.click(screen.getByRole('button', { name: 'Clear captions cache' }));
    expect(onClear).toHaveBeenCalledOnce();
  });

  it.each([
    ['while loading', null, false],
    ['when empty', { videos: 0, chars: 0 }, false],
    ['while clearing', { videos: 3, chars: 10 }, true],
  ])('offers no clearing %s', (_label, summary, clearing) => {
    render(<CaptionsCacheSection summary={summary} problem="" clearing={clearing} onClear={vi.fn()} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Clear captions cache' }).disabled).toBe(true);
  });

  it('says when the cache cannot be read', () => {
    render(<CaptionsCacheSection summary={null} problem="The captions cache could not be read: quota" clearing={false} onClear={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toBe('The captions cache could not be read: quota');
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('counts one video in the singular', () => {
    render(<CaptionsCacheSection summary={{ videos: 1, chars: 900 }} problem="" clearing={false} onClear={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('1 video cached, 900 B of caption text.');
  });
});
