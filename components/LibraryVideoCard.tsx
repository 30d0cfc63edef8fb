import type { LibraryHit, LibraryVideoResult } from '../lib/library/library-search';
import { plural } from '../lib/format/units';
import { LibraryHitLink } from './LibraryHitLink';

export interface LibraryVideoCardProps {
  video: LibraryVideoResult;
  onOpenHit: (hit: LibraryHit) => void;
}

/** Only YouTube's own image host: a dataset's thumbnail URL is untrusted and must not make us fetch anything else. */
const THUMBNAIL_ORIGIN = 'https://i.ytimg.com/';

/** One video of the results: thumbnail, title, how many segments match, its best hits. */
export function LibraryVideoCard({ video, onOpenHit }: LibraryVideoCardProps) {
  const headingId = `yts-library-video-${video.videoId}`;
  return (
    <li class="yts-library__video" aria-labelledby={headingId}>
      {video.thumbnail.startsWith(THUMBNAIL_ORIGIN) && (
        <img
          class="yts-library__thumb"
          src={video.thumbnail}
          alt=""
          loading="lazy"
          referrerpolicy="no-referrer"
          // Offline or removed: an empty frame rather than a broken-image icon.
          onError={(event) => event.currentTarget.removeAttribute('src')}
        />
      )}
      <div class="yts-library__body">
        <h2 class="yts-library__title" id={headingId}>
          {video.title}
        </h2>
        <p class="yts-library__count">{plural(video.hitCount, 'matching segment')}</p>
        <ul class="yts-library__hits">
          {video.hits.map((hit) => (
            <li key={hit.segmentIndex}>
              <LibraryHitLink hit={hit} onOpen={onOpenHit} />
            </li>
          ))}
        </ul>
      </div>
    </li>
  );
}
