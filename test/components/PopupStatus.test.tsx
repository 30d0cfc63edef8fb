import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PopupStatus, type PageCoverage } from '../../components/PopupStatus';
import type { DatasetStatus } from '../../lib/imports/job';

const status: DatasetStatus = {
  dataset: {
    id: 'd',
    source: { kind: 'bundled', path: '/sample.jsonl' },
    report: { totalRows: 100, acceptedRows: 100, rejectedRows: 0, rejectedByReason: {}, rejectedExamples: [], duplicateRows: 0, videoCount: 3 },
    segmentCount: 100,
    importedAt: 0,
  },
  job: null,
  savedUrl: null,
};

describe('PopupStatus', () => {
  it.each<[PageCoverage, string]>([
    [{ kind: 'covered', title: 'DETR', segmentCount: 26 }, 'This video is covered: DETR (26 segments).'],
    [{ kind: 'not-covered' }, 'This video is not in the dataset.'],
    [{ kind: 'not-youtube' }, 'Open a YouTube video to search its transcript.'],
    [{ kind: 'no-video' }, 'This YouTube page shows no single video.'],
  ])('says what the tab shows: %j', (page, text) => {
    render(<PopupStatus status={status} page={page} onOpenOptions={vi.fn()} />);
    expect(screen.getByText('3 videos, 100 segments (bundled sample).')).toBeTruthy();
    expect(screen.getByText(text)).toBeTruthy();
  });

  it('opens the options', async () => {
    const onOpenOptions = vi.fn();
    render(<PopupStatus status={null} page={null} onOpenOptions={onOpenOptions} />);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dataset options' }));
    expect(onOpenOptions).toHaveBeenCalled();
  });

  it('says when it may not run on YouTube, and asks for access on a click', async () => {
    const onAllowYouTube = vi.fn();
    const page: PageCoverage = { kind: 'not-youtube' };
    const { rerender } = render(
      <PopupStatus status={status} page={page} youtubeAccess="missing" onAllowYouTube={onAllowYouTube} onOpenOptions={vi.fn()} />,
    );
    expect(screen.getByRole('alert').textContent).toMatch(/^Transcript Search is not allowed on YouTube, so the panel cannot appear there\./);
    // What the tab shows is beside the point until access is back.
    expect(screen.queryByText('Open a YouTube video to search its transcript.')).toBeNull();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Allow on YouTube' }));
    expect(onAllowYouTube).toHaveBeenCalledOnce();

    rerender(<PopupStatus status={status} page={page} youtubeAccess="granted-now" onAllowYouTube={onAllowYouTube} onOpenOptions={vi.fn()} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Allowed. Reload the YouTube tab to show the panel.').getAttribute('role')).toBe('status');
  });
});
