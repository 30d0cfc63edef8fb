/** The download formats the panel offers, each with its file type. Pure. */
import type { ExportedTranscript } from './exported-transcript';
import { buildFileName } from './file-name';
import { formatMarkdown } from './markdown';
import { formatTextFile } from './plain-text';
import { formatSrt } from './srt';
import { formatVtt } from './vtt';

export type DownloadFormatId = 'txt' | 'srt' | 'vtt' | 'md';

export interface DownloadFormat {
  id: DownloadFormatId;
  /** What the menu says after "Download". */
  label: string;
  mimeType: string;
  format: (transcript: ExportedTranscript) => string;
}

const FORMATS: Record<DownloadFormatId, DownloadFormat> = {
  txt: { id: 'txt', label: 'text (.txt)', mimeType: 'text/plain;charset=utf-8', format: formatTextFile },
  srt: { id: 'srt', label: 'subtitles (.srt)', mimeType: 'application/x-subrip;charset=utf-8', format: ({ segments }) => formatSrt(segments) },
  vtt: { id: 'vtt', label: 'subtitles (.vtt)', mimeType: 'text/vtt;charset=utf-8', format: ({ segments }) => formatVtt(segments) },
  md: { id: 'md', label: 'Markdown (.md)', mimeType: 'text/markdown;charset=utf-8', format: formatMarkdown },
};

/** In menu order. */
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = [FORMATS.txt, FORMATS.srt, FORMATS.vtt, FORMATS.md];

export interface TranscriptFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** The file a download in `formatId` saves: its name from the title, its type and its text. */
export function buildTranscriptFile(transcript: ExportedTranscript, formatId: DownloadFormatId): TranscriptFile {
  const format = FORMATS[formatId];
  return {
    fileName: buildFileName(transcript.video.title, transcript.video.videoId, format.id),
    mimeType: format.mimeType,
    text: format.format(transcript),
  };
}
