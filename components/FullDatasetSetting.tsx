import { describeFullDataset } from '../lib/imports/full-dataset-notice';
import type { DatasetStatus } from '../lib/imports/job';

export interface FullDatasetSettingProps {
  status: DatasetStatus;
  onAutomaticChange: (automatic: boolean) => void;
  onRetry: () => void;
}

/** "Download the full dataset automatically", and why the sample is still in use when a download failed. */
export function FullDatasetSetting({ status, onAutomaticChange, onRetry }: FullDatasetSettingProps) {
  const notice = describeFullDataset(status);
  return (
    <div class="yts-full-dataset">
      {notice?.kind === 'failed' && (
        <p class="yts-problem" role="alert">
          {notice.text}{' '}
          <button type="button" class="yts-link-button" onClick={onRetry}>
            Retry
          </button>
        </p>
      )}
      {notice?.kind === 'downloading' && <p role="status">{notice.text}</p>}
      <label class="yts-checkbox">
        <input
          type="checkbox"
          checked={status.fullDataset.automatic}
          aria-describedby="full-dataset-help"
          onChange={(event) => onAutomaticChange(event.currentTarget.checked)}
        />
        Download the full dataset automatically
      </label>
      <p id="full-dataset-help" class="yts-help">
        Replaces the bundled sample with the whole public dataset (about 11,300 segments, 7.6 MB) from huggingface.co,
        and checks it for a newer version once a day. A dataset you load yourself is never replaced.
      </p>
    </div>
  );
}
