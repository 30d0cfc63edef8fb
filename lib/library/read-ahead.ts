/**
 * Reading ahead what the latest answer may show next: each answer hands over
 * its list (best first), which replaces the last one, so the reads follow
 * the typing. A few reads at a time, each a single item: the reads a
 * keystroke waits on queue behind those few, never behind a long batch
 * (issue 8).
 */

export interface ReadAhead<Item> {
  /** Reads ahead from `items`, first to last, in place of any earlier list (reads under way go on). */
  follow: (items: readonly Item[]) => void;
}

/**
 * `readOne` starts reading an item and returns the read, or `undefined` when
 * there is nothing to read for it (already read, or no room). At most
 * `inFlight` reads at a time. A failed read only ends that item's turn.
 */
export function createReadAhead<Item>(readOne: (item: Item) => Promise<unknown> | undefined, inFlight: number): ReadAhead<Item> {
  let list: readonly Item[] = [];
  let next = 0;
  let running = 0;

  /** `readOne(item)`; a read that cannot start is no read. */
  function startRead(item: Item): Promise<unknown> | undefined {
    try {
      return readOne(item);
    } catch {
      return undefined;
    }
  }

  async function run(): Promise<void> {
    running += 1;
    try {
      while (next < list.length) {
        const read = startRead(list[next++]!);
        if (read) await read.catch(() => undefined);
      }
    } finally {
      running -= 1;
    }
  }

  return {
    follow(items) {
      list = items;
      next = 0;
      // A loop that finds nothing to read ends at once: start each one only once per list.
      for (let loops = running; loops < inFlight; loops += 1) void run();
    },
  };
}
