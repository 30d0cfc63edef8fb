/**
 * A strict SubRip reader for the tests, after the format as players read it
 * (matroska.org's S_TEXT/UTF8 notes, the common SubRip description): blocks
 * split by one blank line, each a counter (1, 2, 3…), a timing line
 * `HH:MM:SS,mmm --> HH:MM:SS,mmm`, then one or more non-blank text lines that
 * do not look like timing lines. Anything else throws.
 */
export interface SrtCue {
  index: number;
  start: number;
  end: number;
  text: string;
}

const TIMING = /^(\d{2,}):([0-5]\d):([0-5]\d),(\d{3}) --> (\d{2,}):([0-5]\d):([0-5]\d),(\d{3})$/;

const toSeconds = (h: string, m: string, s: string, ms: string): number => Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(ms) / 1000;

export function parseSrtStrictly(file: string): SrtCue[] {
  if (file.includes('\r')) throw new Error('carriage return in the file');
  if (!file.endsWith('\n') || file.endsWith('\n\n')) throw new Error('the file must end with exactly one line break');
  const blocks = file.slice(0, -1).split('\n\n');
  return blocks.map((block, position) => {
    const [counter, timing, ...text] = block.split('\n');
    if (counter !== String(position + 1)) throw new Error(`block ${position + 1}: counter is ${JSON.stringify(counter)}`);
    const match = TIMING.exec(timing ?? '');
    if (!match) throw new Error(`block ${position + 1}: bad timing line ${JSON.stringify(timing)}`);
    if (text.length === 0) throw new Error(`block ${position + 1}: no text`);
    for (const line of text) {
      if (line.trim() === '') throw new Error(`block ${position + 1}: blank text line`);
      if (line.includes('-->')) throw new Error(`block ${position + 1}: a text line holds "-->"`);
    }
    const [, h1, m1, s1, ms1, h2, m2, s2, ms2] = match as unknown as string[];
    const start = toSeconds(h1!, m1!, s1!, ms1!);
    const end = toSeconds(h2!, m2!, s2!, ms2!);
    if (end <= start) throw new Error(`block ${position + 1}: ends before it starts`);
    return { index: position + 1, start, end, text: text.join('\n') };
  });
}
