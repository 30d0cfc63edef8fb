import { Icon } from './Icon';

export interface ExpandToggleProps {
  expanded: boolean;
  /** The id of what it shows and hides. */
  controls: string | undefined;
  /** The accessible name in each state ("Collapse transcript" / "Expand transcript"). */
  label: { expanded: string; collapsed: string };
  onToggle: (expanded: boolean) => void;
  /** The smaller button of a one-line notice. */
  small?: boolean;
}

/** A round chevron button that shows or hides a part of the panel (`aria-expanded`). */
export function ExpandToggle({ expanded, controls, label, onToggle, small = false }: ExpandToggleProps) {
  return (
    <button
      type="button"
      class={small ? 'yts-icon-button yts-icon-button--small' : 'yts-icon-button'}
      aria-expanded={expanded}
      aria-controls={controls}
      aria-label={expanded ? label.expanded : label.collapsed}
      onClick={() => onToggle(!expanded)}
    >
      <Icon name={expanded ? 'expandLess' : 'expandMore'} size={small ? 20 : 24} />
    </button>
  );
}
