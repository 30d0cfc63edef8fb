import { useState } from 'preact/hooks';

export interface FileImportFieldProps {
  disabled: boolean;
  onFile: (file: File) => void;
}

/** A file input ("Import dataset file") that also takes a file dropped on it. */
export function FileImportField({ disabled, onFile }: FileImportFieldProps) {
  const [dragging, setDragging] = useState(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !disabled) onFile(file);
  };
  return (
    <div
      class={dragging ? 'yts-drop yts-drop--active' : 'yts-drop'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        take(event.dataTransfer?.files);
      }}
    >
      <label for="dataset-file">Drop a dataset file here, or choose one:</label>
      <input
        id="dataset-file"
        type="file"
        aria-label="Import dataset file"
        disabled={disabled}
        accept=".jsonl,.json,.csv,.tsv,.parquet,.gz,.txt,application/json,text/csv"
        onChange={(event) => {
          take(event.currentTarget.files);
          event.currentTarget.value = ''; // choosing the same file again is a new import
        }}
      />
    </div>
  );
}
