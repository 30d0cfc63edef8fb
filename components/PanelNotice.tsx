import { ExpandToggle } from './ExpandToggle';
import './PanelNotice.css';

export interface PanelNoticeProps {
  /** The one line: "No transcript for this video". */
  title: string;
  /** Why, shown when expanded. */
  explanation: string;
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
  bodyId: string;
}

/**
 * Nothing to show, in one compact line that never pushes the sidebar down
 * (issue 9): the reason is one click away, and whether it shows is remembered.
 */
export function PanelNotice({ title, explanation, collapsed, onCollapsedChange, bodyId }: PanelNoticeProps) {
  return (
    <>
      <div class="yts-notice">
        <h2 class="yts-notice__title">{title}</h2>
        <ExpandToggle
          expanded={!collapsed}
          controls={bodyId}
          label={{ expanded: 'Hide why', collapsed: 'Show why' }}
          onToggle={(expanded) => onCollapsedChange(!expanded)}
          small
        />
      </div>
      <p id={bodyId} class="yts-notice__body" hidden={collapsed}>
        {explanation}
      </p>
    </>
  );
}

/** A one-line status while the transcript is on its way (the same height as a notice). */
export function PanelLoadingLine() {
  return (
    <div class="yts-notice">
      <p class="yts-notice__title" role="status">
        Loading transcript…
      </p>
    </div>
  );
}
