import { render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PopupStatus, type PageCoverage } from '../../components/PopupStatus';
import type { DatasetStatus } from '../../lib/imports/job';
import { makeFullDatasetDownload } from '../fixtures/records';

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
  fullDataset: { automatic: true, failures: 0, lastTryAt: null, nextTryAt: null, failure: null, heldByUser: false },
};

describe('PopupStatus', () => {
  it("is headed with the extension's name", () => {
    render(<PopupStatus status={status} page={null} onOpenOptions={vi.fn()} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('YouTube Transcript Search');
  });

  it('says how far an import is, and why the last one failed', () => {
    const running: DatasetStatus = {
      ...status,
      job: {
        id: 'j',
        source: { kind: 'url', url: 'https://example.com/data.jsonl' },
        startedAt: 0,
        updatedAt: 1000,
        restarts: 0,
        status: 'running',
        phase: 'reading',
        bytesRead: 2500,
        totalBytes: 10_000,
        rows: 1234,
        videosWritten: 0,
        videosTotal: 0,
      },
    };
    const { rerender } = render(<PopupStatus status={running} page={null} onOpenOptions={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('Importing a dataset: 25%, 1,234 rows so far…');

    const failed: DatasetStatus = {
      ...status,
      job: { id: 'j', source: { kind: 'url', url: 'https://example.com/data.jsonl' }, startedAt: 0, updatedAt: 1000, restarts: 0, status: 'failed', error: { message: 'The server answered 404 Not Found.' } },
    };
    rerender(<PopupStatus status={failed} page={null} onOpenOptions={vi.fn()} />);
    expect(screen.getByRole('alert').textContent).toBe('The last import failed: The server answered 404 Not Found.');
  });

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

  it('shows the first download of the full dataset with its progress', () => {
    const downloading: DatasetStatus = {
      ...status,
      job: makeFullDatasetDownload(),
    };
    render(<PopupStatus status={downloading} page={null} onOpenOptions={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe('Downloading the full dataset: 3.1 of 7.6 MB');
    const bar = screen.getByRole('progressbar', { name: 'Full dataset download' });
    expect([bar.getAttribute('value'), bar.getAttribute('max')]).toEqual(['3250586', '7969177']);
    expect(screen.queryByText(/Importing a dataset/)).toBeNull();
  });

  it('says why the sample is still in use, and retries on request', async () => {
    const onRetryFullDataset = vi.fn();
    const failed: DatasetStatus = { ...status, fullDataset: { ...status.fullDataset, failures: 1, failure: 'the browser is offline' } };
    render(<PopupStatus status={failed} page={null} onOpenOptions={vi.fn()} onRetryFullDataset={onRetryFullDataset} />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Using the bundled sample: the full dataset could not be downloaded (the browser is offline).Retry',
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(onRetryFullDataset).toHaveBeenCalledOnce();
  });

  const failedDownload: DatasetStatus = {
    ...status,
    job: { ...makeFullDatasetDownload(), status: 'failed', error: { message: 'Could not download from huggingface.co.' } },
    fullDataset: { ...status.fullDataset, failures: 1, failure: 'huggingface.co could not be reached' },
  };

  it('says once why the automatic download failed, with no second alert about an import the user never started', () => {
    render(<PopupStatus status={failedDownload} page={null} onOpenOptions={vi.fn()} />);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      'Using the bundled sample: the full dataset could not be downloaded (huggingface.co could not be reached).Retry',
    ]);
  });

  it("still says when the user's own import failed", () => {
    const failedFile: DatasetStatus = {
      ...failedDownload,
      job: { ...failedDownload.job!, source: { kind: 'file', uploadId: 'u', name: 'mine.jsonl' } },
    };
    render(<PopupStatus status={failedFile} page={null} onOpenOptions={vi.fn()} />);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain('The last import failed: Could not download from huggingface.co.');
  });

  it('says why Retry could not start', () => {
    render(<PopupStatus status={failedDownload} page={null} onOpenOptions={vi.fn()} problem="Another import is running." />);
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain('Another import is running.');
  });
});
