// Keeps the layout honest: components are pure UI, entrypoints only wire, nothing writes HTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(resolve(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1]!);
}

describe('components/', () => {
  it.each(sourceFiles('components'))('%s uses no browser API, storage or search engine', (file) => {
    const imports = runtimeImports(file);
    expect(imports.filter((spec) => /^(#imports|wxt|idb|fuse\.js)|lib\/(store\/.*|transcript\/search|settings\/.*|messaging\/client)$/.test(spec))).toEqual([]);
    expect(readFileSync(file, 'utf8')).not.toMatch(/\b(browser|chrome)\.(runtime|storage|tabs)\b|indexedDB/);
  });
});

describe('entrypoints/', () => {
  it.each(sourceFiles('entrypoints'))('%s leaves storage and search to lib/', (file) => {
    expect(runtimeImports(file).filter((spec) => spec === 'idb' || spec === 'fuse.js')).toEqual([]);
  });
});

describe('type-only modules', () => {
  // The protocol is shared by every context: it must not pull an implementation into any of them.
  it.each(['lib/messaging/protocol.ts', 'lib/imports/job.ts', 'lib/store/records.ts'])('%s imports nothing but types', (file) => {
    expect(runtimeImports(resolve(root, file))).toEqual([]);
    expect(readFileSync(resolve(root, file), 'utf8')).not.toMatch(/^export (async )?(function|const|let|class)\b/m);
  });
});

describe('untrusted text', () => {
  it.each([...sourceFiles('components'), ...sourceFiles('entrypoints'), ...sourceFiles('lib')])(
    '%s never writes HTML from strings',
    (file) => {
      expect(readFileSync(file, 'utf8')).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write/);
    },
  );
});

describe('lib/ folders', () => {
  const folders = readdirSync(resolve(root, 'lib'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(resolve(root, 'lib').length + 1));
  const codeMap = readFileSync(resolve(root, 'README.md'), 'utf8').split('\n').find((line) => line.startsWith('| `lib/` |')) ?? '';

  it.each(folders)('lib/%s has a README saying what it owns and must not import', (folder) => {
    expect(readFileSync(resolve(root, 'lib', folder, 'README.md'), 'utf8')).toMatch(/must not import|imports nothing/i);
  });

  it.each(folders)("lib/%s is in the README's code map", (folder) => {
    expect(codeMap).toContain(`\`${folder.split('/').at(-1)!}/\``);
  });
});
