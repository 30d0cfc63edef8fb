import { describe, expect, it } from 'vitest';
import { isYouTubeHost, listAppMatchPatterns } from '../../../lib/youtube/hosts';

describe('YouTube hosts', () => {
  it("runs the content script on YouTube's web app hosts only, over HTTPS", () => {
    expect(listAppMatchPatterns()).toEqual(['https://www.youtube.com/*', 'https://m.youtube.com/*', 'https://music.youtube.com/*']);
  });

  it.each(['www.youtube.com', 'youtube.com', 'm.youtube.com', 'music.youtube.com', 'www.youtube-nocookie.com'])('knows %s', (host) => {
    expect(isYouTubeHost(host)).toBe(true);
  });

  it.each(['youtu.be', 'www.youtube.com.evil.example', 'notyoutube.com', 'tv.youtube.com.', 'constructor', 'hasOwnProperty'])(
    'does not take %s for YouTube',
    (host) => {
      expect(isYouTubeHost(host)).toBe(false);
    },
  );
});
