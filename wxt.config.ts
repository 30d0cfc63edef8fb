import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { inlineContentScriptCss } from './build/inline-content-script-css';

// The video the bundled sample covers most fully (66 segments): `npm run dev` opens it.
const SAMPLE_VIDEO_URL = 'https://www.youtube.com/watch?v=yexR53My2O4';

/**
 * The add-on's id in Firefox. Fixed, so storage survives reinstalls, AMO keeps
 * one listing, and the tests know the extension's moz-extension:// origin.
 */
const GECKO_ID = 'youtube-transcript-search@transcript-search';

export default defineConfig({
  // Every file imports what it uses (WXT APIs from '#imports'), so dependencies stay visible.
  imports: false,
  // MV3 for Firefox too (WXT defaults Firefox to MV2, which drops optional_host_permissions).
  manifestVersion: 3,
  vite: () => ({
    // prefresh (hot reload) does not apply to content scripts in a shadow root.
    // The panel's CSS goes inside its content script, so its shadow root never waits on a fetch (issue 11).
    plugins: [preact({ prefreshEnabled: false }), inlineContentScriptCss()],
  }),
  manifest: ({ browser }) => ({
    name: 'YouTube Transcript Search',
    description: 'Search inside the YouTube video you are watching and jump straight to a spoken phrase.',
    // storage: preferences and the import checkpoint; unlimitedStorage: the full dataset
    // and more; alarms: the daily check of the dataset URL.
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    // The search page from anywhere; the user can change the key at chrome://extensions/shortcuts.
    commands: {
      'open-library-search': {
        suggested_key: { default: 'Alt+Shift+F' },
        description: 'Search all videos',
      },
    },
    // Asked for at run time, for one origin, only when a dataset server does not
    // let extensions read it (CORS). Nothing is granted at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // public/icon/<size>.png (from .ci/store/icon*.svg, `npm run icons`) become `icons`
    // by WXT's naming; the toolbar button gets the small ones explicitly.
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // Each browser's MV3 default for its extension pages and worker, plus WebAssembly
    // ('wasm-unsafe-eval': compiling the bundled word-numbering loop of the library
    // index, lib/library/word-numbering.wat; never code from elsewhere). Content
    // scripts keep the page's rules and need none.
    content_security_policy: {
      extension_pages:
        browser === 'firefox'
          ? "script-src 'self' 'wasm-unsafe-eval'; upgrade-insecure-requests;"
          : "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    // Chrome warns about keys it does not know, so only Firefox gets these.
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // 140 (the ESR before 153): the first with the data-collection consent
          // below; MV3 host access granted at install (127) and the rest came earlier.
          strict_min_version: '140.0',
          // Nothing leaves the browser except the downloads the user asks for.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android learnt data_collection_permissions in 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  zip: {
    // AMO reviewers rebuild from these sources; tests and local files are not needed (and
    // dot folders, .ci/ with the store art among them, are left out unless `dotSources`).
    excludeSources: ['test/**', 'coverage/**', 'reports/**'],
  },
  webExt: {
    startUrls: [SAMPLE_VIDEO_URL],
  },
});
