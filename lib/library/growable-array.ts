/** A growable `Uint32Array`: where each segment's words start in an import batch, without a JavaScript array's boxing. */

export interface GrowableUint32 {
  push: (value: number) => void;
  readonly length: number;
  /** The values pushed (a view: valid until the next push or reset). */
  view: () => Uint32Array;
  /** Forgets the values, keeping the memory. */
  reset: () => void;
}

/** An empty array. Pure apart from its own state. */
export function createGrowableUint32(initial = 1_024): GrowableUint32 {
  let array = new Uint32Array(Math.max(16, initial));
  let length = 0;
  return {
    push(value) {
      if (length === array.length) {
        const bigger = new Uint32Array(array.length * 2);
        bigger.set(array);
        array = bigger;
      }
      array[length] = value;
      length += 1;
    },
    get length() {
      return length;
    },
    view: () => array.subarray(0, length),
    reset() {
      length = 0;
    },
  };
}
