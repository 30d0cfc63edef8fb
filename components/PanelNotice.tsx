import type { ComponentChildren } from 'preact';
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
  /** Shown under the reason when expanded, e.g. the switch to search every other video. */
  children?: ComponentChildren;
}

/**
 * Nothing to show, in one compact line that never pushes the sidebar down
 * (issue 9): the reason is one click away, and whether it shows is remembered.
 */
export function PanelNotice({ title, explanation, collapsed, onCollapsedChange, bodyId, children }: PanelNoticeProps) {
  // The chevron is the only way in, so its name says everything it opens.
  const more = children === undefined || children === null || children === false ? '' : ', or search all videos';
  return (
    <>
      <div class="yts-notice">
        <h2 class="yts-notice__title">{title}</h2>
        <ExpandToggle
          expanded={!collapsed}
          controls={bodyId}
          label={{ expanded: 'Hide why', collapsed: `Show why${more}` }}
          onToggle={(expanded) => onCollapsedChange(!expanded)}
          small
        />
      </div>
      <div id={bodyId} class="yts-notice__more" hidden={collapsed}>
        <p class="yts-notice__body">{explanation}</p>
        {children}
      </div>
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
