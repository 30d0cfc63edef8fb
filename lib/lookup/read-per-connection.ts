/**
 * One read kept for as long as its database connection lives, until the
 * caller forgets it: a new connection (after the browser took the old one
 * away) is read again, and a read that fails is not kept, so the next call
 * tries again.
 */
export interface ReadPerConnection<Db, T> {
  /** The kept read of `db`, or a new one. */
  get: (db: Db) => Promise<T>;
  /** What was read changed: the next `get` reads again. */
  forget: () => void;
}

export function createReadPerConnection<Db, T>(read: (db: Db) => Promise<T>): ReadPerConnection<Db, T> {
  let kept: { db: Db; value: Promise<T> } | undefined;
  return {
    get(db) {
      if (kept?.db !== db) {
        const entry = { db, value: read(db) };
        kept = entry;
        entry.value.catch(() => {
          if (kept === entry) kept = undefined;
        });
      }
      return kept.value;
    },
    forget() {
      kept = undefined;
    },
  };
}
