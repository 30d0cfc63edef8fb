// @vitest-environment node
// The shipped bytes cannot drift from their source: recompiling each .wat gives its committed module.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compileWat, pathsOf, renderCurrentWasmModule, renderWasmModule, WASM_MODULES } from './wasm-module';

describe('the library\'s WebAssembly modules', () => {
  it.each(WASM_MODULES.map((module) => [module.wat, module] as const))('%s: the committed module is what it compiles to (run `npm run wasm` after editing it)', async (_wat, module) => {
    expect(await readFile(pathsOf(module).modulePath, 'utf8')).toBe(await renderCurrentWasmModule(module));
  });

  it('renders bytes that evaluate back to the same bytes', async () => {
    const bytes = await compileWat('empty.wat', '(module (func (export "f") (result i32) (i32.const 7)))');
    const rendered = renderWasmModule(bytes);
    const [, literal = ''] = /new Uint8Array\(\[([^\]]*)\]\)/.exec(rendered) ?? [];
    expect(Uint8Array.from(literal.split(',').filter((byte) => byte.trim() !== '').map(Number))).toEqual(bytes);
    const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
    expect((instance.exports.f as () => number)()).toBe(7);
  });

  it('rejects source with an error', async () => {
    await expect(compileWat('broken.wat', '(module (func (result i32)))')).rejects.toThrow();
  });
});
