import { clusterMarks } from './cluster-marks.js';
import { clusterSpans, type SpanCluster } from './cluster-spans.js';
import { escapeHtml } from './escape-html.js';
import { formatDuration } from './format-duration.js';
import { formatElapsed } from './format-elapsed.js';
import { MARK_GLYPHS, SPAN_NAMES } from './mark-glyphs.js';
import type { TimelineBadge, TimelineLane, TimelineModel, TimelineSpan } from './timeline-model.js';
import { createScale, LAYOUT, ticksOf, widthOf } from './timeline-scale.js';

// Marks of a kind closer than a glyph is wide (13 units) would be drawn over each other: they are
// drawn as one, which names how many it stands for. Stretches merge only when nearly touching.
const MARK_GAP = 12;
const SPAN_GAP = 4;
const MAX_LABEL_CHARS = 18;
// About how wide a character of the 10-unit labels is, to put a duration inside its bar only if it fits.
const CHAR_WIDTH = 5.6;
const MAX_ROWS_LISTED = 200;

const clip = (text: string): string =>
  text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;

/** A focusable item of the timeline: a mark, a stretch or a badge, pointing at its events' rows. */
function item(
  cls: string,
  x: number,
  y: number,
  label: string,
  rows: readonly number[],
  body: string,
): string {
  const listed = rows.slice(0, MAX_ROWS_LISTED).join(' ');
  const safe = escapeHtml(label);
  return `<g class="qp-item ${cls}" tabindex="-1" role="img" aria-label="${safe}" data-rows="${listed}" data-count="${String(rows.length)}" data-x="${String(x)}" transform="translate(${String(x)} ${String(y)})">${body}</g>`;
}

/**
 * The attempt on one horizontal axis: the findings' badges, then a lane each for focus, visibility,
 * network, fullscreen, actions and every question. Every mark, stretch and badge is focusable
 * (roving tabindex: only the first is in the tab order; mountTimeline moves it with the arrows).
 */
export function renderSvg(model: TimelineModel, idPrefix: string): string {
  const { startMs, endMs } = model;
  const x = createScale(startMs, endMs);
  const elapsed = (ms: number) => formatElapsed(ms - startMs);
  const lanes: string[] = [renderBadges(model.badges, x, elapsed)];
  model.lanes.forEach((lane, i) => lanes.push(renderLane(lane, i + 1, { model, x, elapsed, idPrefix })));
  const height = LAYOUT.axisHeight + (model.lanes.length + 1) * LAYOUT.laneHeight + 4;
  const ticks = ticksOf(endMs - startMs)
    .map((ms) => {
      const at = x(startMs + ms);
      return `<line x1="${String(at)}" x2="${String(at)}" y1="${String(LAYOUT.axisHeight - 6)}" y2="${String(height)}" class="qp-grid"/><text x="${String(at)}" y="${String(LAYOUT.axisHeight - 10)}" text-anchor="middle">${formatElapsed(ms)}</text>`;
    })
    .join('');
  const patterns = `<defs>${pattern(`${idPrefix}-away`, '<path d="M-1,1L1,-1M0,6L6,0M5,7L7,5"/>')}${pattern(`${idPrefix}-hidden`, '<circle cx="3" cy="3" r="1.2"/>')}${pattern(`${idPrefix}-offline`, '<path d="M0,0L6,6M6,0L0,6"/>')}${pattern(`${idPrefix}-fullscreen`, '<path d="M0,3H6"/>')}</defs>`;
  // The first item is the one in the tab order until the keyboard moves it.
  const body = lanes.join('').replace('tabindex="-1"', 'tabindex="0"');
  return `<svg class="qp-timeline" viewBox="0 0 ${String(LAYOUT.width)} ${String(height)}" role="group" aria-label="Timeline from ${escapeHtml(elapsed(startMs))} to ${escapeHtml(elapsed(endMs))}: arrow keys move between marks" data-start-ms="${String(startMs)}" data-end-ms="${String(endMs)}" data-plot-x="${String(LAYOUT.plotX)}" data-plot-width="${String(LAYOUT.plotWidth)}">${patterns}<g class="qp-axis">${ticks}</g>${body}</svg>`;
}

const pattern = (id: string, shape: string): string =>
  `<pattern id="${escapeHtml(id)}" width="6" height="6" patternUnits="userSpaceOnUse" class="qp-pattern">${shape}</pattern>`;

function laneFrame(id: string, label: string, index: number): { y: number; open: string } {
  const top = LAYOUT.axisHeight + index * LAYOUT.laneHeight;
  const y = top + LAYOUT.laneHeight / 2;
  return {
    y,
    open: `<g class="qp-lane" data-lane="${escapeHtml(id)}"><rect x="0" y="${String(top)}" width="${String(LAYOUT.width)}" height="${String(LAYOUT.laneHeight)}" class="qp-lane-bg"/><text x="${String(LAYOUT.plotX - 8)}" y="${String(y + 3.5)}" text-anchor="end" class="qp-lane-label">${escapeHtml(clip(label))}</text>`,
  };
}

function renderBadges(
  badges: readonly TimelineBadge[],
  x: (ms: number) => number,
  elapsed: (ms: number) => string,
): string {
  const placed = badges
    .filter((badge): badge is TimelineBadge & { ms: number } => badge.ms !== null)
    // In time order, as every lane: the arrow keys follow the document's order.
    .sort((a, b) => a.ms - b.ms);
  const unplaced = badges.length - placed.length;
  const { y, open } = laneFrame('findings', 'Findings', 0);
  // Findings with no moment at all (events that never arrived, heartbeats never sent) are said
  // where the badges would be, not placed anywhere.
  const untimed =
    unplaced === 0
      ? ''
      : `<text x="${String(LAYOUT.plotX + 4)}" y="${String(y + 3.5)}" class="qp-untimed">${String(unplaced)} without a moment in the log: see Findings above</text>`;
  const marks = placed.map((badge) => {
    const { code, severity } = badge.finding;
    const when = `${badge.byReceived ? 'stored by Canvas at' : 'at'} ${elapsed(badge.ms)}`;
    const shape =
      severity === 'alert'
        ? '<path d="M0,-8L8,0L0,8L-8,0Z"/><text y="3.5" text-anchor="middle" class="qp-glyph-letter">!</text>'
        : '<circle r="7"/><text y="3.5" text-anchor="middle" class="qp-glyph-letter">i</text>';
    return item(
      `qp-badge qp-badge-${severity}${badge.byReceived ? ' qp-by-received' : ''}`,
      x(badge.ms),
      y,
      `${severity === 'alert' ? 'Alert' : 'Notice'} ${code} ${when}: ${badge.finding.detail}`,
      [],
      shape,
    ).replace('<g ', `<g data-code="${escapeHtml(code)}" data-ms="${String(badge.ms)}" `);
  });
  return `${open}${untimed}${marks.join('')}</g>`;
}

/** What every lane is drawn with: the model, its scale, its clock and the view's id prefix. */
interface Drawing {
  model: TimelineModel;
  x: (ms: number) => number;
  elapsed: (ms: number) => string;
  idPrefix: string;
}

function renderLane(lane: TimelineLane, index: number, drawing: Drawing): string {
  const { x, elapsed } = drawing;
  const { y, open } = laneFrame(lane.id, lane.label, index);
  const spans = clusterSpans(lane.spans, x, SPAN_GAP).map((cluster) => ({
    x: x(cluster.spans[0]?.startMs ?? 0),
    html: renderSpans(cluster, y, drawing),
  }));
  const marks = clusterMarks(lane.marks, x, MARK_GAP).map((cluster) => {
    const { label: name, shape } = MARK_GLYPHS[cluster.kind];
    const count = cluster.rows.length > 1 ? ` (${String(cluster.rows.length)} events)` : '';
    const label = `${name} at ${elapsed(cluster.ms)}${count}`;
    return {
      x: cluster.x,
      html: item(`qp-mark qp-mark-${cluster.kind}`, cluster.x, y, label, cluster.rows, shape),
    };
  });
  // In time order, so that reading the lane (a screen reader, Tab order) follows the arrows.
  const items = [...spans, ...marks].sort((a, b) => a.x - b.x).map((placed) => placed.html);
  return `${open}${items.join('')}</g>`;
}

const BAR_TOP = -LAYOUT.laneHeight / 2 + 4;
const BAR_HEIGHT = LAYOUT.laneHeight - 8;

// One stretch: its bar, its length in words inside it where that fits. Several close together: one
// item whose bars each keep their true length, named by how many and their total.
function renderSpans({ kind, spans }: SpanCluster, y: number, drawing: Drawing): string {
  const { model, x, elapsed, idPrefix } = drawing;
  const [first] = spans as [TimelineSpan, ...TimelineSpan[]];
  const last = spans.reduce((a, b) => (b.startMs + b.durationMs > a.startMs + a.durationMs ? b : a));
  const origin = x(first.startMs);
  const fill = `url(#${escapeHtml(idPrefix)}-${kind})`;
  const bars = spans.map((span) => {
    const width = widthOf(span.durationMs, model.startMs, model.endMs);
    const offset = Math.round((x(span.startMs) - origin) * 10) / 10;
    return `<rect x="${String(offset)}" y="${String(BAR_TOP)}" width="${String(width)}" height="${String(BAR_HEIGHT)}" fill="${fill}" class="qp-bar" data-duration-ms="${String(span.durationMs)}"/>`;
  });
  const end = elapsed(last.startMs + last.durationMs);
  if (spans.length > 1) {
    const total = formatDuration(spans.reduce((sum, span) => sum + span.durationMs, 0));
    const label = `${String(spans.length)} × ${SPAN_NAMES[kind]}, ${total} in all, ${elapsed(first.startMs)} to ${end}`;
    return item(
      `qp-span qp-span-${kind}`,
      origin,
      y,
      label,
      spans.map((span) => span.row),
      bars.join(''),
    );
  }
  const duration = formatDuration(first.durationMs);
  const width = widthOf(first.durationMs, model.startMs, model.endMs);
  const text =
    width >= duration.length * CHAR_WIDTH + 6
      ? `<text x="${String(width / 2)}" y="3.5" text-anchor="middle" class="qp-span-label">${duration}</text>`
      : '';
  return item(
    `qp-span qp-span-${kind}`,
    origin,
    y,
    `${SPAN_NAMES[kind]} ${duration}, ${elapsed(first.startMs)} to ${end}`,
    [first.row],
    bars.join('') + text,
  );
}
