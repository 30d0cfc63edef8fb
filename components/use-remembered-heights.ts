import { useMemo, useRef } from 'preact/hooks';
import { createRowHeights, type RowHeights } from '../lib/list-window/row-heights';

export interface RememberedHeightsOptions {
  rowCount: number;
  /** Changes when the rows do (a new query): new heights, guessed from what was measured before. */
  contentKey: string | undefined;
  kindOf: (index: number) => number;
  /** What row `index` shows (a segment): rows showing the same thing are as tall in any list. */
  identityOf: ((index: number) => number) | undefined;
  /** A kind's height before any row of it is measured. */
  initialEstimate: (kind: number) => number;
}

/** Rows of a new list given the height their content was measured at before (the first ones: those a new list shows). */
const REMEMBERED_ROWS = 256;

/**
 * A list's row heights (lib/list-window), new with each content, that start
 * from what earlier ones measured: a row showing what a row measured before
 * showed (the same segment, in the next query's hits) starts at its height,
 * and the other rows as tall as the last rows measured on average. Each
 * wrong guess would lay the keystroke's hits out twice (issue 11).
 */
export function useRememberedHeights({ rowCount, contentKey, kindOf, identityOf, initialEstimate }: RememberedHeightsOptions): RowHeights {
  const last = useRef<RowHeights | null>(null);
  const measured = useRef(new Map<number, number>());
  const latestIdentity = useRef(identityOf);
  latestIdentity.current = identityOf;
  const heights = useMemo((): RowHeights => {
    const before = last.current;
    const rows = createRowHeights({ count: rowCount, kindOf, initialEstimate: (kind) => before?.meanOf(kind) ?? initialEstimate(kind) });
    if (identityOf) {
      for (let index = 0; index < Math.min(rowCount, REMEMBERED_ROWS); index += 1) {
        const height = measured.current.get(identityOf(index));
        if (height !== undefined) rows.measure(index, height);
      }
    }
    return {
      ...rows,
      measure(index, height) {
        const identity = latestIdentity.current?.(index);
        if (identity !== undefined && Number.isFinite(height)) measured.current.set(identity, height);
        return rows.measure(index, height);
      },
    };
  }, [rowCount, contentKey]);
  last.current = heights;
  return heights;
}
