import './SearchScopeSwitch.css';

/** Where the panel's box searches: the video on the page, or every video of the library. */
export type SearchScope = 'video' | 'library';

export interface SearchScopeSwitchProps {
  scope: SearchScope;
  onScopeChange: (scope: SearchScope) => void;
}

const SCOPES: ReadonlyArray<{ scope: SearchScope; label: string }> = [
  { scope: 'video', label: 'This video' },
  { scope: 'library', label: 'All videos' },
];

/** Two toggle buttons, one pressed: "This video" / "All videos". */
export function SearchScopeSwitch({ scope, onScopeChange }: SearchScopeSwitchProps) {
  return (
    <div class="yts-scope" role="group" aria-label="Search in">
      {SCOPES.map((option) => (
        <button
          key={option.scope}
          type="button"
          class="yts-scope__option"
          aria-pressed={option.scope === scope}
          onClick={() => {
            if (option.scope !== scope) onScopeChange(option.scope);
          }}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
