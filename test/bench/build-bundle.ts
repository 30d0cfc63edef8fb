/** Bundles the bench page (and the lib/ code it imports) with Vite, as one IIFE script. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ENTRY = path.join(BENCH_DIR, 'browser', 'bench-page.ts');
const FILE_NAME = 'bench-page.js';

/** Builds into `outDir` (a temp dir) and returns the script's text. */
export async function buildPageBundle(outDir: string): Promise<string> {
  await build({
    configFile: false,
    root: BENCH_DIR,
    publicDir: false,
    logLevel: 'warn',
    // Minified production code, as in the extension build.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'ytBenchPage', fileName: () => FILE_NAME },
    },
  });
  return readFile(path.join(outDir, FILE_NAME), 'utf8');
}
