/**
 * The built extension's script sizes: `wxt build` (production, minified) of
 * the working tree, then each file raw and gzipped (level 9, node:zlib).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { constants, gzipSync } from 'node:zlib';

const run = promisify(execFile);

/** Output files measured, relative to .output/chrome-mv3/. */
/** The content script's CSS is inside it (build/inline-content-script-css.ts). */
export const MEASURED_FILES = ['content-scripts/youtube.js', 'background.js'] as const;

export interface FileSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface ExtensionSize {
  buildSeconds: number;
  files: FileSize[];
}

export async function measureExtension(repoDir: string): Promise<ExtensionSize> {
  const started = Date.now();
  await run('npx', ['wxt', 'build'], { cwd: repoDir, maxBuffer: 16 * 1024 * 1024 });
  const buildSeconds = (Date.now() - started) / 1000;
  const files = await Promise.all(
    MEASURED_FILES.map(async (file): Promise<FileSize> => {
      const bytes = await readFile(path.join(repoDir, '.output', 'chrome-mv3', file));
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
    }),
  );
  return { buildSeconds, files };
}
