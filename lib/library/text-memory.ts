/**
 * How much segment text a library search keeps in memory, and how far it
 * reads ahead. Hits need their video's text; a keystroke that waits for the
 * store misses its frame (issue 8), and the videos a query shows change from
 * one prefix to the next. An extension page (the popup, the search page) is
 * open only while someone searches: it keeps the whole library's text when
 * it fits, read ahead between keystrokes. The worker answers the panel's
 * "All videos" once per search and lives on: it keeps a few pages' worth.
 */
export interface TextMemory {
  /** Characters of segment text kept, over every index of the library; past it, the videos shown least recently are dropped. */
  maxChars: number;
  /** Videos after those shown that are read ahead after each answer, best first, one at a time. */
  readAhead: number;
}

/**
 * The popup's and the search page's: every matching video read ahead, up to
 * 48 million characters (about 110,000 segments, ten times the full
 * `pinecone/yt-transcriptions`; roughly 50 MB of memory at most).
 */
export const PAGE_TEXT_MEMORY: TextMemory = { maxChars: 48_000_000, readAhead: Number.POSITIVE_INFINITY };

/** The worker's: about 40 videos of 450 segments, and the next 5 read ahead. */
export const WORKER_TEXT_MEMORY: TextMemory = { maxChars: 8_000_000, readAhead: 5 };
