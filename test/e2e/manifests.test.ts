/**
 * The two built manifests (`npm run test:e2e` builds both first): what each
 * store and browser needs, and the least permissions, read from the artifacts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Manifest {
  manifest_version: number;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ matches: string[] }>;
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
}

const readManifest = (target: string): Manifest =>
  JSON.parse(readFileSync(join(process.cwd(), '.output', target, 'manifest.json'), 'utf8')) as Manifest;

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function readPngSize(path: string): { width: number; height: number } {
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const chrome = readManifest('chrome-mv3');
const firefox = readManifest('firefox-mv3');

describe.each([
  ['Chrome', 'chrome-mv3', chrome],
  ['Firefox', 'firefox-mv3', firefox],
])('the %s manifest', (_name, target, manifest) => {
  it('is MV3 with the same least permissions', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    // Asked for at run time, one dataset origin at a time.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|"downloads"|"clipboardWrite"/);
  });

  it('declares exactly the documented keys: no outside messaging, nothing exposed to web pages', () => {
    const browserKeys = target === 'firefox-mv3' ? ['browser_specific_settings'] : [];
    expect(Object.keys(manifest).sort()).toEqual(
      [
        'action',
        'background',
        'commands',
        'content_scripts',
        'content_security_policy',
        'description',
        'icons',
        'manifest_version',
        'name',
        'optional_host_permissions',
        'options_ui',
        'permissions',
        'version',
        ...browserKeys,
      ].sort(),
    );
    // Each browser's MV3 default for extension pages, plus WebAssembly for the library index's
    // bundled word numbering: no remote, inline or eval'd code; content scripts are not covered.
    expect(manifest.content_security_policy).toEqual({
      extension_pages:
        target === 'firefox-mv3'
          ? "script-src 'self' 'wasm-unsafe-eval'; upgrade-insecure-requests;"
          : "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    });
    // No web page can message the extension.
    expect(manifest.externally_connectable).toBeUndefined();
    // The panel's CSS is inside its content script (build/inline-content-script-css.ts): no page can read an extension file.
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it.each([16, 32, 48, 96, 128])('has a %i px icon of that size', (size) => {
    const file = manifest.icons?.[String(size)];
    expect(file).toBe(`icon/${size}.png`);
    expect(readPngSize(join(process.cwd(), '.output', target, file!))).toEqual({ width: size, height: size });
  });

  it('gives the toolbar button the small icons', () => {
    expect(manifest.action?.default_icon).toEqual({ 16: 'icon/16.png', 32: 'icon/32.png' });
  });

  it('runs its content scripts (the panel and its main-world page bridge) on YouTube only', () => {
    const matches = manifest.content_scripts?.map((script) => [...script.matches].sort());
    const youtube = ['https://m.youtube.com/*', 'https://music.youtube.com/*', 'https://www.youtube.com/*'];
    expect(matches).toEqual([youtube, youtube]);
  });
});

describe('Chrome', () => {
  it('runs the background as a service worker, and carries no Firefox keys', () => {
    expect(chrome.background).toEqual({ service_worker: 'background.js' });
    expect(chrome.browser_specific_settings).toBeUndefined();
  });
});

describe('Firefox', () => {
  it('runs the background as event-page scripts', () => {
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
  });

  it('has a fixed add-on id, a minimum version with data-collection consent, and declares no data collected', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: {
        id: 'youtube-transcript-search@transcript-search',
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    });
  });
});
