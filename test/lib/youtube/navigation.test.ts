import { describe, expect, it, vi } from 'vitest';
import { onYouTubeNavigated } from '../../../lib/youtube/navigation';

describe('onYouTubeNavigated', () => {
  it('reacts to yt-navigate-finish and the mobile state-navigateend, until aborted', () => {
    const controller = new AbortController();
    const onNavigated = vi.fn();
    onYouTubeNavigated(document, controller.signal, onNavigated);
    document.dispatchEvent(new Event('yt-navigate-start'));
    expect(onNavigated).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('yt-navigate-finish'));
    document.dispatchEvent(new Event('state-navigateend'));
    expect(onNavigated).toHaveBeenCalledTimes(2);
    controller.abort();
    document.dispatchEvent(new Event('yt-navigate-finish'));
    expect(onNavigated).toHaveBeenCalledTimes(2);
  });
});
