/** Bundles a bench page entry (and the lib/ code it imports) with Vite, as one IIFE script. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const BENCH_PAGE = { entry: path.join(BENCH_DIR, 'browser', 'bench-page.ts'), fileName: 'bench-page.js' };

/** Builds `entry` (the bench page by default) into `outDir` (a temp dir) and returns the script's text. */
export async function buildPageBundle(outDir: string, { entry, fileName } = BENCH_PAGE): Promise<string> {
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
      lib: { entry, formats: ['iife'], name: 'ytBenchPage', fileName: () => fileName },
    },
  });
  return readFile(path.join(outDir, fileName), 'utf8');
}
