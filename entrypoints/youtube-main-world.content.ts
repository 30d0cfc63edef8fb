import { defineContentScript } from '#imports';
import { listAppMatchPatterns } from '../lib/youtube/hosts';
import { startPageDataPublisher } from '../lib/youtube/page-bridge/main-world';

// The page's own world, where the player and ytcfg live: it only hands data out
// to the panel's content script (lib/youtube/page-bridge). It starts before the
// page's scripts so that it sees the player's first caption request.
export default defineContentScript({
  matches: listAppMatchPatterns(),
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    startPageDataPublisher(window);
  },
});
