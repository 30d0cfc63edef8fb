/**
 * An independent check of "does this segment hold every query word?", applied
 * the same way to our hits and the baseline's. Deliberately simple:
 * lower-case the text; a query word of 4 letters or fewer must appear as is
 * (anywhere, so "word" is found in "words"); a longer one may differ by one
 * typo (one letter inserted, deleted or changed) from some stretch of the text,
 * so "netwrk" is found in "network" and "tranformer" in "transformers".
 */
import { substringEditDistance } from '../shared/edit-distance';

const EXACT_UP_TO_LENGTH = 4;

/** The query's words as the check sees them: lower-case, split on spaces, no repeats. */
export function queryWords(query: string): string[] {
  return [...new Set(query.toLowerCase().split(/\s+/).filter((word) => word !== ''))];
}

export function containsWord(lowerText: string, word: string): boolean {
  if (lowerText.includes(word)) return true;
  return word.length > EXACT_UP_TO_LENGTH && substringEditDistance(lowerText, word) <= 1;
}

export function holdsEveryWord(text: string, words: readonly string[]): boolean {
  const lowerText = text.toLowerCase();
  return words.every((word) => containsWord(lowerText, word));
}

/** Fraction of the first five texts that hold every word (a missing hit counts as a miss). */
export function topFiveHoldingEveryWord(texts: readonly string[], words: readonly string[]): number {
  return texts.slice(0, 5).filter((text) => holdsEveryWord(text, words)).length / 5;
}

/** The best any ranking could score on `topFiveHoldingEveryWord` for this video. */
export function idealTopFive(texts: readonly string[], words: readonly string[]): number {
  return Math.min(5, texts.filter((text) => holdsEveryWord(text, words)).length) / 5;
}
