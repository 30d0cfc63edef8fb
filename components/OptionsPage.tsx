import type { ComponentChildren } from 'preact';
import { DEFAULT_DATASET_URL } from '../lib/imports/default-dataset';
import type { DatasetStatus } from '../lib/imports/job';
import { DatasetSummary } from './DatasetSummary';
import { FileImportField } from './FileImportField';
import { FullDatasetSetting } from './FullDatasetSetting';
import { ImportProgress } from './ImportProgress';
import { UrlImportForm } from './UrlImportForm';
import './page-theme.css';
import './OptionsPage.css';

export interface OptionsPageProps {
  /** `null` while loading. */
  status: DatasetStatus | null;
  storageUsed: number | null;
  /** A problem the page itself ran into (staging a file, reaching the background), in words. */
  problem: string;
  onImportUrl: (url: string) => void;
  onImportFile: (file: File) => void;
  onCancel: () => void;
  onReset: () => void;
  onCheckNow: () => void;
  onGrantAccess: (pattern: string) => void;
  /** "Download the full dataset automatically" turned on or off. */
  onAutomaticChange: (automatic: boolean) => void;
  onRetryFullDataset: () => void;
  /** More sections, after the dataset's (the YouTube captions cache). */
  children?: ComponentChildren;
}

function describeLastCheck(status: DatasetStatus): string | null {
  const saved = status.savedUrl;
  if (saved?.lastCheckedAt === undefined) return null;
  const when = new Date(saved.lastCheckedAt).toLocaleString();
  const what = { imported: 'imported', unchanged: 'unchanged', failed: 'check failed' }[saved.lastCheck ?? 'imported'];
  return `Last checked ${when}: ${what}.`;
}

/** The options page: the cached dataset, and ways to replace it. */
export function OptionsPage(props: OptionsPageProps) {
  const { status, storageUsed, problem } = props;
  const running = status?.job?.status === 'running';
  const lastCheck = status ? describeLastCheck(status) : null;
  return (
    <main class="yts-options">
      <h1>YouTube Transcript Search</h1>
      <p>
        <a href="/search.html" target="_blank">
          Search all videos
        </a>
      </p>
      <section aria-labelledby="current-heading">
        <h2 id="current-heading">Current dataset</h2>
        {status ? <DatasetSummary dataset={status.dataset} storageUsed={storageUsed} /> : <p role="status">Loading…</p>}
        {status?.savedUrl && (
          <p class="yts-help">
            {lastCheck ?? 'Checked for a newer version once a day.'}{' '}
            <button type="button" class="yts-link-button" disabled={running} onClick={props.onCheckNow}>
              Check now
            </button>
          </p>
        )}
        {status && (
          <FullDatasetSetting status={status} onAutomaticChange={props.onAutomaticChange} onRetry={props.onRetryFullDataset} />
        )}
      </section>

      {problem !== '' && (
        <p class="yts-problem" role="alert">
          {problem}
        </p>
      )}
      {status?.job && (
        <section aria-labelledby="import-heading">
          <h2 id="import-heading">{running ? 'Importing' : 'Last import'}</h2>
          <ImportProgress job={status.job} onCancel={props.onCancel} onGrantAccess={props.onGrantAccess} />
        </section>
      )}

      <section aria-labelledby="load-heading">
        <h2 id="load-heading">Load a dataset</h2>
        <p class="yts-help">
          The new dataset replaces the current one only once it has been read and saved completely; until then the
          panel keeps using the current one.
        </p>
        <UrlImportForm initialUrl={status?.savedUrl?.url ?? DEFAULT_DATASET_URL} disabled={running} onSubmit={props.onImportUrl} />
        <FileImportField disabled={running} onFile={props.onImportFile} />
        <button type="button" disabled={running || status?.dataset?.source.kind === 'bundled'} onClick={props.onReset}>
          Reset to bundled sample
        </button>
      </section>
      {props.children}
    </main>
  );
}
