import { useState } from 'preact/hooks';
import type { LibraryHit, LibraryVideoResult } from '../lib/library/library-search';
import { plural } from '../lib/format/units';
import { LibraryHitLink } from './LibraryHitLink';

export interface LibraryVideoCardProps {
  video: LibraryVideoResult;
  /** Hits a card shows at most: while they are read, as many grey lines hold their place. */
  hitsPerVideo: number;
  onOpenHit: (hit: LibraryHit) => void;
}

/** Only YouTube's own image host: a dataset's thumbnail URL is untrusted and must not make us fetch anything else. */
const THUMBNAIL_ORIGIN = 'https://i.ytimg.com/';

/** Where the hits go while their text is read: a grey hit-sized block per hit to come, hidden from screen readers (the card is busy). */
function PendingHits({ count }: { count: number }) {
  return (
    <div class="yts-library__hits" aria-hidden="true">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} class="yts-library__skeleton">
          <span />
          <span />
          <span />
        </div>
      ))}
    </div>
  );
}

/** One video of the results: thumbnail, title, how many segments match, its best hits (grey placeholders until their text is read). */
export function LibraryVideoCard({ video, hitsPerVideo, onOpenHit }: LibraryVideoCardProps) {
  const headingId = `yts-library-video-${video.videoId}`;
  const isPending = video.hitsState === 'pending';
  const [isThumbnailBroken, setThumbnailBroken] = useState(false);
  return (
    <li class="yts-library__video" aria-labelledby={headingId} aria-busy={isPending ? 'true' : undefined}>
      {video.thumbnail.startsWith(THUMBNAIL_ORIGIN) &&
        (isThumbnailBroken ? (
          // Offline or removed: the empty grey frame (Chromium draws a broken-image icon in an image that failed, even without its src).
          <div class="yts-library__thumb" />
        ) : (
          <img
            class="yts-library__thumb"
            src={video.thumbnail}
            alt=""
            loading="lazy"
            referrerpolicy="no-referrer"
            onError={() => setThumbnailBroken(true)}
          />
        ))}
      <div class="yts-library__body">
        <h2 class="yts-library__title" id={headingId}>
          {video.title}
        </h2>
        <p class="yts-library__count">{plural(video.hitCount, 'matching segment')}</p>
        {isPending && <PendingHits count={Math.min(video.hitCount, hitsPerVideo)} />}
        {video.hitsState === 'unreadable' && <p class="yts-library__unreadable">Its transcript could not be read.</p>}
        {video.hitsState === 'described' && (
          <ul class="yts-library__hits">
            {video.hits.map((hit) => (
              <li key={hit.segmentIndex}>
                <LibraryHitLink hit={hit} onOpen={onOpenHit} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
