/** A storage item held in memory, for tests of code that takes a `ValueStore`. */
import type { ValueStore } from '../../lib/imports/job-recorder';

export function memoryStore<T>(initial: T): ValueStore<T> & { value: T } {
  const store = {
    value: initial,
    getValue: () => Promise.resolve(store.value),
    setValue: (value: T) => {
      store.value = value;
      return Promise.resolve();
    },
  };
  return store;
}
