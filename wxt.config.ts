import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// The video the bundled sample covers most fully (66 segments): `npm run dev` opens it.
const SAMPLE_VIDEO_URL = 'https://www.youtube.com/watch?v=yexR53My2O4';

export default defineConfig({
  // Every file imports what it uses (WXT APIs from '#imports'), so dependencies stay visible.
  imports: false,
  vite: () => ({
    // prefresh (hot reload) does not apply to content scripts in a shadow root.
    plugins: [preact({ prefreshEnabled: false })],
  }),
  manifest: {
    name: 'YouTube Transcript Search',
    description: 'Search inside the YouTube video you are watching and jump straight to a spoken phrase.',
    // storage: preferences and the import checkpoint; unlimitedStorage: the full dataset
    // and more; alarms: the daily check of the dataset URL.
    permissions: ['storage', 'unlimitedStorage', 'alarms'],
    // Asked for at run time, for one origin, only when a dataset server does not
    // let extensions read it (CORS). Nothing is granted at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
  },
  webExt: {
    startUrls: [SAMPLE_VIDEO_URL],
  },
});
