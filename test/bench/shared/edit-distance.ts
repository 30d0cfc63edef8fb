/** Plain edit distances (insert, delete, substitute: cost 1 each) for the bench's own checks. */

/** Levenshtein distance between two whole strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The smallest edit distance between `pattern` and any substring of `text`
 * (Sellers' algorithm: a match may start anywhere in the text for free).
 */
export function substringEditDistance(text: string, pattern: string): number {
  let column = Array.from({ length: pattern.length + 1 }, (_, j) => j);
  let best = column[pattern.length]!;
  for (let i = 1; i <= text.length; i += 1) {
    const next = [0];
    for (let j = 1; j <= pattern.length; j += 1) {
      const substitution = column[j - 1]! + (text[i - 1] === pattern[j - 1] ? 0 : 1);
      next.push(Math.min(column[j]! + 1, next[j - 1]! + 1, substitution));
    }
    column = next;
    best = Math.min(best, column[pattern.length]!);
    if (best === 0) return 0;
  }
  return best;
}
