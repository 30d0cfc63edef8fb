import type { ComponentChildren } from 'preact';
import { ExpandToggle } from './ExpandToggle';
import './PanelHeader.css';

export interface PanelHeaderProps {
  /** The panel's name, as YouTube titles its own panels ("Transcript"). */
  title: string;
  /** What the transcript is of, under the title: the video's title, or "YouTube captions · English". */
  context?: string | undefined;
  /** After the context: "66 segments · 31 min". */
  detail?: string | undefined;
  /** Omit for a header that cannot collapse (loading). */
  collapsed?: boolean | undefined;
  onCollapsedChange?: ((collapsed: boolean) => void) | undefined;
  bodyId?: string | undefined;
  /** Controls before the collapse toggle (the copy and download menu). */
  actions?: ComponentChildren;
}

/** The panel's top line: "Transcript", what it is of, the menu and the collapse toggle. */
export function PanelHeader({ title, context, detail, collapsed, onCollapsedChange, bodyId, actions }: PanelHeaderProps) {
  return (
    <div class="yts-header">
      <div class="yts-header__titles">
        <h2 class="yts-header__title">{title}</h2>
        {(context ?? detail) !== undefined && (
          <p class="yts-header__context">
            {context !== undefined && (
              <span class="yts-header__source" title={context}>
                {context}
              </span>
            )}
            {detail !== undefined && <span class="yts-header__detail">{detail}</span>}
          </p>
        )}
      </div>
      {actions}
      {collapsed !== undefined && onCollapsedChange && (
        <ExpandToggle
          expanded={!collapsed}
          controls={bodyId}
          label={{ expanded: 'Collapse transcript', collapsed: 'Expand transcript' }}
          onToggle={(expanded) => onCollapsedChange(!expanded)}
        />
      )}
    </div>
  );
}
