import type { MarkKind, TimelineMark } from './timeline-model.js';

/** Marks of one kind too close to tell apart, drawn as one: its rows, first at `x`. */
export interface MarkCluster {
  kind: MarkKind;
  x: number;
  ms: number;
  rows: number[];
}

/**
 * Merges a lane's marks of one kind that fall within `gap` units of the first of a run: ten
 * thousand events would otherwise be ten thousand overlapping shapes, each one more stop for the
 * keyboard. A merged mark lists every event it stands for.
 */
export function clusterMarks(
  marks: readonly TimelineMark[],
  x: (ms: number) => number,
  gap: number,
): MarkCluster[] {
  const open = new Map<MarkKind, MarkCluster>();
  const clusters: MarkCluster[] = [];
  for (const mark of [...marks].sort((a, b) => a.ms - b.ms)) {
    const at = x(mark.ms);
    const current = open.get(mark.kind);
    if (current && at - current.x <= gap) {
      current.rows.push(mark.row);
      continue;
    }
    const cluster = { kind: mark.kind, x: at, ms: mark.ms, rows: [mark.row] };
    open.set(mark.kind, cluster);
    clusters.push(cluster);
  }
  return clusters;
}
