/**
 * The two built manifests (`npm run test:e2e` builds both first): what each
 * store and browser needs, and the least permissions, read from the artifacts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: Array<{ matches: string[] }>;
  browser_specific_settings?: {
    gecko?: { id?: string; strict_min_version?: string; data_collection_permissions?: { required?: string[]; optional?: string[] } };
    gecko_android?: { strict_min_version?: string };
  };
}

const readManifest = (target: string): Manifest =>
  JSON.parse(readFileSync(join(process.cwd(), '.output', target, 'manifest.json'), 'utf8')) as Manifest;

const chrome = readManifest('chrome-mv3');
const firefox = readManifest('firefox-mv3');

describe.each([
  ['Chrome', chrome],
  ['Firefox', firefox],
])('the %s manifest', (_name, manifest) => {
  it('is MV3 with the same least permissions', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'alarms']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.optional_permissions).toBeUndefined();
    // Asked for at run time, one dataset origin at a time.
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(JSON.stringify(manifest)).not.toMatch(/<all_urls>|"tabs"|"downloads"|"clipboardWrite"/);
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
