import type { TrackInfo } from '../lib/youtube/captions/tracks';
import './CaptionsTrackSelect.css';

export interface CaptionsTrackSelectProps {
  tracks: readonly TrackInfo[];
  /** The track shown (or that failed); none selected when unknown. */
  trackId: string | undefined;
  onChange: (trackId: string) => void;
}

/** "Captions track": the video's tracks by YouTube's own names. */
export function CaptionsTrackSelect({ tracks, trackId, onChange }: CaptionsTrackSelectProps) {
  const known = tracks.some((track) => track.id === trackId);
  return (
    <label class="yts-track">
      <span class="yts-track__label">Captions track</span>
      <select
        class="yts-track__select"
        value={known ? trackId : ''}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (next !== '' && next !== trackId) onChange(next);
        }}
      >
        {!known && <option value="">Choose a track</option>}
        {tracks.map((track) => (
          <option key={track.id} value={track.id}>
            {track.name}
          </option>
        ))}
      </select>
    </label>
  );
}
