import { useRef } from 'preact/hooks';
import { Icon } from './Icon';
import './panel-field.css';
import './SearchBar.css';
import './visually-hidden.css';

export interface SearchBarProps {
  query: string;
  hitCount: number;
  /** 0-based index of the current hit. */
  currentHit: number;
  /** What the current hit says ("14:54, be correlated because…"), read out with the count. */
  currentHitDescription?: string | undefined;
  onQueryChange: (query: string) => void;
  /** Move to the next (+1) or previous (-1) hit; `seek` when the video should jump there too. */
  onStep: (direction: 1 | -1, options: { seek: boolean }) => void;
  /** Enter: play the current hit (the first Enter after typing), later Enters step on. */
  onEnter: () => void;
}

/** The search box with its "3 of 12" count and clear button inside, and previous/next buttons. */
export function SearchBar({ query, hitCount, currentHit, currentHitDescription, onQueryChange, onStep, onEnter }: SearchBarProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const handleKeyDown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        if (event.shiftKey) onStep(-1, { seek: true });
        else onEnter();
        break;
      case 'ArrowDown':
        event.preventDefault();
        onStep(1, { seek: false });
        break;
      case 'ArrowUp':
        event.preventDefault();
        onStep(-1, { seek: false });
        break;
      case 'Escape':
        if (query !== '') {
          event.preventDefault();
          onQueryChange('');
        }
        break;
    }
  };

  const hasQuery = query.trim() !== '';
  let status = '';
  if (hasQuery) status = hitCount === 0 ? 'No matches' : `${currentHit + 1} of ${hitCount}`;

  return (
    <div class="yts-search">
      <div class="yts-search__field">
        <input
          ref={inputRef}
          type="search"
          class={query === '' ? 'yts-search__input' : 'yts-search__input yts-search__input--filled'}
          aria-label="Search transcript"
          placeholder="Search transcript"
          autocomplete="off"
          spellcheck={false}
          value={query}
          onInput={(event) => onQueryChange(event.currentTarget.value)}
          onKeyDown={handleKeyDown}
        />
        <span class="yts-search__end">
          <span class="yts-search__status" role="status">
            {status}
            {hitCount > 0 && currentHitDescription && <span class="yts-visually-hidden">, {currentHitDescription}</span>}
          </span>
          {query !== '' && (
            <button
              type="button"
              class="yts-icon-button yts-icon-button--small"
              aria-label="Clear search"
              onClick={() => {
                onQueryChange('');
                inputRef.current?.focus();
              }}
            >
              <Icon name="close" size={20} />
            </button>
          )}
        </span>
      </div>
      <button
        type="button"
        class="yts-icon-button yts-icon-button--small"
        aria-label="Previous match"
        title="Previous match (Shift+Enter)"
        disabled={hitCount === 0}
        onClick={() => onStep(-1, { seek: true })}
      >
        <Icon name="arrowUp" />
      </button>
      <button
        type="button"
        class="yts-icon-button yts-icon-button--small"
        aria-label="Next match"
        title="Next match (Enter)"
        disabled={hitCount === 0}
        onClick={() => onStep(1, { seek: true })}
      >
        <Icon name="arrowDown" />
      </button>
    </div>
  );
}
