import type { SpanKind, TimelineSpan } from './timeline-model.js';

/** Stretches of one kind too close to tell apart, drawn as one focusable group. */
export interface SpanCluster {
  kind: SpanKind;
  spans: TimelineSpan[];
}

/**
 * Groups a lane's stretches of one kind whose gaps are under `gap` units: each keeps its own bar
 * (its true length), but a long attempt's thousand short departures become a few hundred stops
 * for the keyboard rather than a thousand, and a few hundred nodes rather than thousands.
 */
export function clusterSpans(
  spans: readonly TimelineSpan[],
  x: (ms: number) => number,
  gap: number,
): SpanCluster[] {
  const clusters: SpanCluster[] = [];
  const ends = new Map<SpanKind, { cluster: SpanCluster; endX: number }>();
  for (const span of [...spans].sort((a, b) => a.startMs - b.startMs)) {
    const open = ends.get(span.kind);
    const endX = x(span.startMs + span.durationMs);
    if (open && x(span.startMs) - open.endX <= gap) {
      open.cluster.spans.push(span);
      open.endX = Math.max(open.endX, endX);
      continue;
    }
    const cluster = { kind: span.kind, spans: [span] };
    ends.set(span.kind, { cluster, endX });
    clusters.push(cluster);
  }
  return clusters;
}
