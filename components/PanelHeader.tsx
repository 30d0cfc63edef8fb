import type { ComponentChildren } from 'preact';
import './PanelHeader.css';

export interface PanelHeaderProps {
  title: string;
  detail?: string | undefined;
  /** Omit for a header that cannot collapse (no transcript, loading). */
  collapsed?: boolean | undefined;
  onCollapsedChange?: ((collapsed: boolean) => void) | undefined;
  bodyId?: string | undefined;
  /** Controls before the collapse toggle (the copy and download menu). */
  actions?: ComponentChildren;
}

/** The panel's top line: what it shows, and the collapse toggle. */
export function PanelHeader({ title, detail, collapsed, onCollapsedChange, bodyId, actions }: PanelHeaderProps) {
  return (
    <div class="yts-header">
      <div class="yts-header__titles">
        <h2 class="yts-header__title" title={title}>
          {title}
        </h2>
        {detail && <p class="yts-header__detail">{detail}</p>}
      </div>
      {actions}
      {collapsed !== undefined && onCollapsedChange && (
        <button
          type="button"
          class="yts-icon-button yts-header__toggle"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          aria-label={collapsed ? 'Expand transcript' : 'Collapse transcript'}
          onClick={() => onCollapsedChange(!collapsed)}
        >
          <span aria-hidden="true" class={collapsed ? 'yts-chevron yts-chevron--collapsed' : 'yts-chevron'}>
            ⌃
          </span>
        </button>
      )}
    </div>
  );
}
