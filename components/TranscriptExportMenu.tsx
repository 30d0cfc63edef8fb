import { useMemo } from 'preact/hooks';
import { formatMatches } from '../lib/export/matches';
import { buildTranscriptFile } from '../lib/export/formats';
import { formatPlainText, formatTimestampedText } from '../lib/export/plain-text';
import type { OpenTranscript } from '../lib/transcript/open-transcript';
import { ExportMenu, type CopyKind } from './ExportMenu';
import { usePage } from './page-context';

export interface TranscriptExportMenuProps {
  transcript: OpenTranscript;
  /** The search being shown ('' when none): "Copy matches" copies its hits. */
  query: string;
}

/** The export menu for one transcript: the text from lib/export, the clipboard and downloads from the page. */
export function TranscriptExportMenu({ transcript, query }: TranscriptExportMenuProps) {
  const { copyText, saveFile } = usePage();
  // The same query as the list below: the transcript's search answers it from its cache.
  const hits = useMemo(() => (query.trim() === '' ? [] : transcript.search(query)), [transcript, query]);

  const textOf = (kind: CopyKind): string => {
    switch (kind) {
      case 'transcript':
        return formatPlainText(transcript.segments);
      case 'timestamps':
        return formatTimestampedText(transcript.segments);
      case 'matches':
        return formatMatches(transcript, hits, query);
    }
  };

  return (
    <ExportMenu
      matchCount={hits.length}
      onCopy={(kind) => copyText(textOf(kind))}
      onDownload={(format) => saveFile(buildTranscriptFile(transcript, format))}
    />
  );
}
