/**
 * Word numbers by spelling, looked up straight from the text being scanned:
 * an open-addressing table of spelling hashes, each hit checked against its
 * spelling character by character. Most tokens of a dataset were seen before,
 * and this way they cost no substring and no string hashing.
 */

export interface SpellingTable {
  /** The number of `text[start, end)` (its hash from `scanWords`), or -1 if the spelling is new. */
  find: (text: string, start: number, end: number, hash: number) => number;
  /** Remembers a new spelling's number. */
  add: (spelling: string, hash: number, id: number) => void;
}

const INITIAL_SLOTS = 1 << 12;

function isSpellingAt(spelling: string, text: string, start: number, end: number): boolean {
  if (spelling.length !== end - start) return false;
  for (let i = 0; i < spelling.length; i += 1) if (spelling.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** An empty table. Pure apart from its own state. */
export function createSpellingTable(): SpellingTable {
  // Slot → entry + 1 (0: empty); kept at most half full.
  let slots = new Int32Array(INITIAL_SLOTS);
  let mask = INITIAL_SLOTS - 1;
  const hashes: number[] = [];
  const spellings: string[] = [];
  const ids: number[] = [];

  const place = (entry: number): void => {
    let slot = hashes[entry]! & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry + 1;
  };

  return {
    find(text, start, end, hash) {
      for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
        const entry = slots[slot]! - 1;
        if (entry < 0) return -1;
        if (hashes[entry] === hash && isSpellingAt(spellings[entry]!, text, start, end)) return ids[entry]!;
      }
    },
    add(spelling, hash, id) {
      hashes.push(hash);
      spellings.push(spelling);
      ids.push(id);
      if (hashes.length * 2 > slots.length) {
        slots = new Int32Array(slots.length * 2);
        mask = slots.length - 1;
        for (let entry = 0; entry < hashes.length; entry += 1) place(entry);
      } else place(hashes.length - 1);
    },
  };
}
