/** A growable `Uint32Array`: the word ids of an import batch, ~200,000 of them, without a JavaScript array's boxing. */

export interface GrowableUint32 {
  push: (value: number) => void;
  readonly length: number;
  /** The values pushed (a view: valid until the next push or reset). */
  view: () => Uint32Array;
  /** Forgets the values, keeping the memory. */
  reset: () => void;
  /** Room for `count` more values: the array to write them into from `length` on, then `setLength`. */
  reserve: (count: number) => Uint32Array;
  setLength: (length: number) => void;
}

/** An empty array. Pure apart from its own state. */
export function createGrowableUint32(initial = 1_024): GrowableUint32 {
  let array = new Uint32Array(Math.max(16, initial));
  let length = 0;
  const reserve = (count: number): Uint32Array => {
    if (length + count > array.length) {
      const bigger = new Uint32Array(Math.max(array.length * 2, length + count));
      bigger.set(array.subarray(0, length));
      array = bigger;
    }
    return array;
  };
  return {
    push(value) {
      reserve(1)[length] = value;
      length += 1;
    },
    reserve,
    setLength(newLength) {
      length = newLength;
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
