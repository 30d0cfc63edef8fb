import { fireEvent, render, screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { OptionsPage, type OptionsPageProps } from '../../components/OptionsPage';
import type { ImportReport } from '../../lib/dataset/rows';
import { DEFAULT_DATASET_URL } from '../../lib/imports/default-dataset';
import type { DatasetStatus, ImportJob } from '../../lib/imports/job';
import type { DatasetRecord } from '../../lib/store/records';

const report: ImportReport = {
  totalRows: 11_310,
  acceptedRows: 11_298,
  rejectedRows: 10,
  rejectedByReason: { 'bad-start': 7, 'invalid-json': 3 },
  rejectedExamples: [
    { line: 17, reason: 'invalid-json' },
    { line: 204, reason: 'bad-start' },
  ],
  duplicateRows: 2,
  videoCount: 312,
};

const dataset: DatasetRecord = {
  id: 'd1',
  source: { kind: 'url', url: DEFAULT_DATASET_URL },
  report,
  format: 'jsonl',
  bytes: 7_969_177,
  segmentCount: 11_298,
  importedAt: Date.UTC(2026, 10, 20, 9, 30),
};

const runningJob: ImportJob = {
  id: 'job',
  source: { kind: 'url', url: DEFAULT_DATASET_URL },
  status: 'running',
  phase: 'reading',
  bytesRead: 2_000_000,
  totalBytes: 8_000_000,
  rows: 2_800,
  videosWritten: 0,
  videosTotal: 0,
  startedAt: 10_000,
  updatedAt: 12_000,
  restarts: 0,
};

/** The full dataset's download as a fresh profile has it: on, nothing tried yet. */
const AUTOMATIC: DatasetStatus['fullDataset'] = {
  automatic: true,
  failures: 0,
  lastTryAt: null,
  nextTryAt: null,
  failure: null,
  heldByUser: false,
};

type StatusShown = Omit<DatasetStatus, 'fullDataset'> & Partial<Pick<DatasetStatus, 'fullDataset'>>;

function renderPage(status: StatusShown | null, overrides: Partial<OptionsPageProps> = {}) {
  const props: OptionsPageProps = {
    status: status && { fullDataset: AUTOMATIC, ...status },
    storageUsed: 12_345_678,
    problem: '',
    onImportUrl: vi.fn(),
    onImportFile: vi.fn(),
    onCancel: vi.fn(),
    onReset: vi.fn(),
    onCheckNow: vi.fn(),
    onGrantAccess: vi.fn(),
    onAutomaticChange: vi.fn(),
    onRetryFullDataset: vi.fn(),
    ...overrides,
  };
  render(<OptionsPage {...props} />);
  return { props, user: userEvent.setup() };
}

describe('OptionsPage', () => {
  it('describes the current dataset', () => {
    renderPage({ dataset, job: null, savedUrl: { url: DEFAULT_DATASET_URL, lastCheckedAt: 0, lastCheck: 'unchanged' } });
    const current = screen.getByRole('region', { name: 'Current dataset' });
    expect(within(current).getByText(DEFAULT_DATASET_URL)).toBeTruthy();
    expect(within(current).getByText('312')).toBeTruthy();
    expect(within(current).getByText('11,298')).toBeTruthy();
    expect(within(current).getByText('12 MB')).toBeTruthy();
    // The format in words and the size; no hash to puzzle over.
    expect(within(current).getByText('JSON Lines, 7.6 MB')).toBeTruthy();
    expect(within(current).queryByText(/sha256/i)).toBeNull();
    expect(within(current).getByText('10 rejected rows, 2 duplicates replaced')).toBeTruthy();
    expect(within(current).getByText(/unchanged/)).toBeTruthy();
    expect(within(current).getByText(/line 17 \(not valid JSON\)/)).toBeTruthy();
  });

  it('names only what an import left out', () => {
    renderPage({ dataset: { ...dataset, report: { ...report, rejectedRows: 0, rejectedByReason: {}, rejectedExamples: [] } }, job: null, savedUrl: null });
    const current = screen.getByRole('region', { name: 'Current dataset' });
    expect(within(current).getByText('2 duplicates replaced')).toBeTruthy();
    expect(within(current).queryByText(/0 rejected/)).toBeNull();
  });

  it('offers the full public dataset by URL and loads what is typed', async () => {
    const { props, user } = renderPage({ dataset, job: null, savedUrl: null });
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Dataset URL' });
    expect(field.value).toBe(DEFAULT_DATASET_URL);
    await user.clear(field);
    await user.type(field, 'https://example.com/my.csv.gz');
    await user.click(screen.getByRole('button', { name: 'Load' }));
    expect(props.onImportUrl).toHaveBeenCalledWith('https://example.com/my.csv.gz');
  });

  it('refuses an address that is not http(s), in words', async () => {
    const { props, user } = renderPage({ dataset, job: null, savedUrl: null });
    const field = screen.getByRole('textbox', { name: 'Dataset URL' });
    await user.clear(field);
    await user.type(field, 'ftp://example.com/data.csv');
    await user.click(screen.getByRole('button', { name: 'Load' }));
    expect(screen.getByRole('alert').textContent).toBe('Enter a full http:// or https:// address.');
    // The browser's own bubble ("Please enter a URL.") must not speak first.
    expect(field.closest('form')!.noValidate).toBe(true);
    expect(props.onImportUrl).not.toHaveBeenCalled();
  });

  it('imports a chosen or dropped file', async () => {
    const { props, user } = renderPage({ dataset, job: null, savedUrl: null });
    const file = new File(['{}'], 'train.parquet');
    await user.upload(screen.getByLabelText('Import dataset file'), file);
    expect(props.onImportFile).toHaveBeenCalledWith(file);
    const dropped = new File(['{}'], 'dropped.csv');
    const zone = screen.getByLabelText('Import dataset file').closest('.yts-drop')!;
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [dropped] } });
    fireEvent(zone, drop);
    expect(props.onImportFile).toHaveBeenLastCalledWith(dropped);
  });

  it('shows a running import with a real progress bar, rows/s and cancel; other imports wait', async () => {
    const { props, user } = renderPage({ dataset, job: runningJob, savedUrl: null });
    const bar = screen.getByRole('progressbar', { name: 'Import progress' });
    expect(bar.getAttribute('value')).toBe('2000000');
    expect(bar.getAttribute('max')).toBe('8000000');
    expect(screen.getByText(/1\.9 MB of 7\.6 MB, 2,800 rows · 1,400 rows\/s/)).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Load' }).disabled).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('Import dataset file').disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Cancel import' }));
    expect(props.onCancel).toHaveBeenCalled();
  });

  it('explains a failed import, keeps the current dataset, and offers host access when that would help', async () => {
    const failed: ImportJob = {
      ...runningJob,
      status: 'failed',
      error: { message: 'Could not download from data.example: … The dataset you had is still in use.', accessPattern: 'https://data.example/*' },
    };
    const { props, user } = renderPage({ dataset, job: failed, savedUrl: null });
    expect(screen.getByRole('alert').textContent).toContain('The dataset you had is still in use.');
    await user.click(screen.getByRole('button', { name: 'Allow access and retry' }));
    expect(props.onGrantAccess).toHaveBeenCalledWith('https://data.example/*');
  });

  it('shows the report of a finished import', () => {
    renderPage({ dataset, job: { ...runningJob, status: 'succeeded', datasetId: 'd2', report, format: 'parquet' }, savedUrl: null });
    const lastImport = screen.getByRole('region', { name: 'Last import' });
    const summary = within(lastImport).getByRole('group', { name: 'Import report' });
    expect(summary.textContent).toContain('11,310 rows read: 11,298 segments kept in 312 videos, 10 rows rejected, 2 duplicates');
    expect(summary.textContent).toContain('7 rows: start time missing or not a number of seconds ≥ 0');
    expect(summary.textContent).toContain('row 17 (not valid JSON)');
  });

  it('resets to the bundled sample, which is pointless when already in use', async () => {
    const { props, user } = renderPage({ dataset, job: null, savedUrl: null });
    await user.click(screen.getByRole('button', { name: 'Reset to bundled sample' }));
    expect(props.onReset).toHaveBeenCalled();
    renderPage({ dataset: { ...dataset, source: { kind: 'bundled', path: '/sample.jsonl' } }, job: null, savedUrl: null });
    expect((screen.getAllByRole('button', { name: 'Reset to bundled sample' })[1] as HTMLButtonElement).disabled).toBe(true);
  });

  it('checks the saved URL on request', async () => {
    const { props, user } = renderPage({ dataset, job: null, savedUrl: { url: DEFAULT_DATASET_URL } });
    await user.click(screen.getByRole('button', { name: 'Check now' }));
    expect(props.onCheckNow).toHaveBeenCalled();
  });

  it('downloads the full dataset automatically unless turned off', async () => {
    const { props, user } = renderPage({ dataset, job: null, savedUrl: null });
    const automatic = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Download the full dataset automatically' });
    expect(automatic.checked).toBe(true);
    await user.click(automatic);
    expect(props.onAutomaticChange).toHaveBeenCalledWith(false);
  });

  it('says why the bundled sample is still in use, and retries on request', async () => {
    const sample = { ...dataset, source: { kind: 'bundled', path: '/sample.jsonl' } } as const;
    const { props, user } = renderPage({
      dataset: sample,
      job: null,
      savedUrl: null,
      fullDataset: { ...AUTOMATIC, failures: 1, failure: 'huggingface.co could not be reached' },
    });
    const current = screen.getByRole('region', { name: 'Current dataset' });
    expect(within(current).getByRole('alert').textContent).toBe(
      'Using the bundled sample: the full dataset could not be downloaded (huggingface.co could not be reached). Retry',
    );
    await user.click(within(current).getByRole('button', { name: 'Retry' }));
    expect(props.onRetryFullDataset).toHaveBeenCalledOnce();
  });
});
