/**
 * The library's compiled loops (`word-numbering.wat`, `part-encoding.wat`),
 * instantiated, or a clear error where the browser runs no WebAssembly: a
 * user or a policy can turn it off (V8 run jitless; in Firefox
 * `javascript.options.wasm` together with
 * `javascript.options.wasm_trustedprincipals`, as the first alone spares
 * add-ons), and then only the library search is lost, never the import or the
 * panel. Both browsers are tested so: test/e2e/no-webassembly.test.ts and
 * test/e2e/firefox/no-webassembly.test.ts.
 */
import { WORD_NUMBERING_WASM } from './word-numbering-wasm';

/** The library index cannot be built: this browser runs no WebAssembly. */
export class WebAssemblyUnavailableError extends Error {
  constructor(cause: unknown) {
    super('This browser has WebAssembly turned off, which searching all videos needs. The transcript panel works without it.', { cause });
    this.name = 'WebAssemblyUnavailableError';
  }
}

/** A new instance of a compiled module. Throws `WebAssemblyUnavailableError` where WebAssembly is missing or refused. */
export function instantiateWasm(bytes: Uint8Array<ArrayBuffer>): WebAssembly.Instance {
  try {
    return new WebAssembly.Instance(new WebAssembly.Module(bytes));
  } catch (error) {
    throw new WebAssemblyUnavailableError(error);
  }
}

/** A new instance of the word-numbering loop. Throws `WebAssemblyUnavailableError` where WebAssembly is missing or refused. */
export function instantiateNumbering(): WebAssembly.Instance {
  return instantiateWasm(WORD_NUMBERING_WASM);
}

/** Throws `WebAssemblyUnavailableError` now, before a caller reads a whole library only to fail at indexing it. */
export function assertCanNumberWords(): void {
  instantiateNumbering();
}
