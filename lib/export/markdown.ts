/** A transcript as Markdown: a heading, then each segment after a link to its moment. Pure. */
import { formatTimestamp } from '../format/time';
import type { ExportedTranscript } from './exported-transcript';
import { buildWatchUrl } from '../youtube/url';
import { toSingleLine } from './clean-text';

// CommonMark backslash-escapes any ASCII punctuation. These are the ones that can
// start markup inline (emphasis, code, links, images, raw HTML, entities,
// strikethrough, tables) or close a heading (`#`).
const MARKDOWN_SPECIAL = /[\\`*_[\]<>&~|#!]/g;

/** Text that renders as itself in CommonMark and GitHub Markdown, never as markup. */
export function escapeMarkdown(text: string): string {
  return toSingleLine(text).replace(MARKDOWN_SPECIAL, (character) => `\\${character}`);
}

/** `[m:ss](https://www.youtube.com/watch?v=ID&t=Ns) what was said`, one paragraph per segment. */
export function formatMarkdown({ video, segments }: ExportedTranscript): string {
  const title = escapeMarkdown(video.title) || video.videoId;
  const lines = segments.flatMap((segment) => {
    const text = escapeMarkdown(segment.text);
    if (text === '') return [];
    return [`[${formatTimestamp(segment.start)}](${buildWatchUrl(video.videoId, segment.start)}) ${text}`];
  });
  return `# ${title}\n\n${lines.join('\n\n')}\n`;
}
