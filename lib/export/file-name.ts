/** A download's file name from a video title, accepted by Windows, macOS and Linux. Pure. */

// Not allowed in Windows names (and `/` nowhere): replaced by a space.
const FORBIDDEN = /[<>:"/\\|?*]/g;
const INVISIBLE = /[\p{Cc}\p{Cf}]/gu;
// CON, PRN, AUX, NUL, COM1–9, LPT1–9 (also with superscript digits), whatever follows the first dot.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
/** Bytes of UTF-8 for the name without its extension: well under the common 255-byte limit. */
export const MAX_BASE_NAME_BYTES = 150;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

function truncateToBytes(text: string, maxBytes: number): string {
  let result = '';
  // By code point, so a surrogate pair is never split.
  for (const character of text) {
    if (utf8Length(result + character) > maxBytes) break;
    result += character;
  }
  return result;
}

/**
 * `<title>.<extension>`, with characters Windows forbids or that are invisible
 * replaced, no leading dots (hidden files) or trailing dots and spaces (Windows
 * drops them), a reserved device name prefixed with `_`, at most
 * {@link MAX_BASE_NAME_BYTES} bytes before the extension. `fallback` (e.g. the
 * video id) when nothing of the title is left. `extension` is ours, without a dot.
 */
export function buildFileName(title: string, fallback: string, extension: string): string {
  const cleaned = title
    .normalize('NFC')
    .replace(INVISIBLE, ' ')
    .replace(FORBIDDEN, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '');
  let base = truncateToBytes(cleaned, MAX_BASE_NAME_BYTES).replace(/[.\s]+$/, '');
  if (base === '') base = fallback;
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return `${base}.${extension}`;
}
