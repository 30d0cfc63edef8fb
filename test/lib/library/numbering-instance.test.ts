import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebAssemblyUnavailableError } from '../../../lib/library/numbering-instance';
import { createPartEncoder } from '../../../lib/library/part-encoder';
import { createWordNumbering } from '../../../lib/library/word-numbering';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the word numbering where WebAssembly is off', () => {
  it.each([
    ['missing (turned off in the browser)', undefined],
    [
      'refused (a content security policy without wasm-unsafe-eval)',
      {
        Module: function refuse() {
          throw new Error("WebAssembly.Module(): Refused to compile or instantiate WebAssembly module because 'wasm-unsafe-eval' is not allowed");
        },
      },
    ],
  ])('throws a clear error when WebAssembly is %s', (_label, replacement) => {
    vi.stubGlobal('WebAssembly', replacement);
    expect(() => createWordNumbering()).toThrow(WebAssemblyUnavailableError);
    expect(() => createWordNumbering()).toThrow('This browser has WebAssembly turned off, which searching all videos needs.');
  });

  it('numbers words once WebAssembly is there', () => {
    const numbering = createWordNumbering();
    numbering.numberWords('Hello hello world');
    expect(numbering.words).toEqual(['hello', 'world']);
  });
});

describe('the part encoder where WebAssembly is off', () => {
  it('throws the same clear error, so an import goes on without the index', () => {
    vi.stubGlobal('WebAssembly', undefined);
    expect(() => createPartEncoder()).toThrow(WebAssemblyUnavailableError);
  });
});
