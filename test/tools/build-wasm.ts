/** `npm run wasm`: compiles lib/library/word-numbering.wat into the module the extension imports. */
import { writeFile } from 'node:fs/promises';
import { MODULE_PATH, renderCurrentWasmModule } from './wasm-module';

await writeFile(MODULE_PATH, await renderCurrentWasmModule());
console.log(`wrote ${MODULE_PATH}`);
