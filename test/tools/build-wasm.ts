/** `npm run wasm`: compiles each of lib/library's .wat files into the module the extension imports. */
import { writeFile } from 'node:fs/promises';
import { pathsOf, renderCurrentWasmModule, WASM_MODULES } from './wasm-module';

for (const module of WASM_MODULES) {
  const { modulePath } = pathsOf(module);
  await writeFile(modulePath, await renderCurrentWasmModule(module));
  console.log(`wrote ${modulePath}`);
}
