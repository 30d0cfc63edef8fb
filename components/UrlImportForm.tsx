import { useState } from 'preact/hooks';

export interface UrlImportFormProps {
  /** The URL to offer: the saved one, or the full public dataset. */
  initialUrl: string;
  disabled: boolean;
  onSubmit: (url: string) => void;
}

/** "Dataset URL" with a load button. */
export function UrlImportForm({ initialUrl, disabled, onSubmit }: UrlImportFormProps) {
  const [url, setUrl] = useState(initialUrl);
  const [problem, setProblem] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    const trimmed = url.trim();
    if (!/^https?:\/\/[^/\s]+/i.test(trimmed)) {
      setProblem('Enter a full http:// or https:// address.');
      return;
    }
    setProblem('');
    onSubmit(trimmed);
  };
  return (
    // noValidate: our own message says what is wrong, not the browser's bubble ("Please enter a URL.").
    <form class="yts-url-form" noValidate onSubmit={submit}>
      <label for="dataset-url">Dataset URL</label>
      <div class="yts-url-form__row">
        <input
          id="dataset-url"
          type="url"
          value={url}
          spellcheck={false}
          aria-describedby="dataset-url-help"
          aria-invalid={problem !== ''}
          onInput={(event) => setUrl(event.currentTarget.value)}
        />
        <button type="submit" disabled={disabled}>
          Load
        </button>
      </div>
      <p id="dataset-url-help" class="yts-help">
        JSON Lines, JSON, CSV, TSV or Parquet, optionally gzipped. Checked for a newer version once a day.
      </p>
      {problem !== '' && (
        <p class="yts-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
