import { isMs } from '../event-shapes.js';
import { isSampled, isType, type ReviewEvent } from '../review-event.js';
import { questionLanes } from './question-lanes.js';
import type { MarkKind, SpanKind, TimelineLane, TimelineRow } from './timeline-model.js';

type Timed = TimelineRow & { ms: number };

// The action lane's events and their marks: one glyph each (mark-glyphs.ts).
const ACTIONS: Partial<Record<string, MarkKind>> = {
  text_copied: 'copied',
  text_cut: 'cut',
  text_pasted: 'pasted',
  context_menu_opened: 'context_menu',
  print_requested: 'print',
  shortcut_pressed: 'shortcut',
  window_resized: 'resized',
};

// The length each span's closing event carries, measured by the page itself (docs/events.md).
const measured = (event: ReviewEvent): { kind: SpanKind; ms: number } | null => {
  if (isType(event, 'window_focused')) return { kind: 'away', ms: event.data.away_ms };
  if (isType(event, 'page_visible')) return { kind: 'hidden', ms: event.data.hidden_ms };
  if (isType(event, 'network_reconnected')) return { kind: 'offline', ms: event.data.offline_ms };
  if (isType(event, 'fullscreen_exited') && isMs(event.data.fullscreen_ms))
    return { kind: 'fullscreen', ms: event.data.fullscreen_ms };
  return null;
};

const lane = (id: string, label: string): TimelineLane => ({ id, label, spans: [], marks: [] });

/**
 * The lanes, from the events the review kept: focus, visibility, network, fullscreen, actions, then
 * one lane per question. A stretch is drawn from the length its closing event carries, ending at that
 * event: the page measured it, while the moments of real Canvas's log are only arrival times.
 */
export function buildLanes(rows: readonly TimelineRow[], maxQuestionLanes: number) {
  const lanes = {
    focus: lane('focus', 'Focus'),
    visibility: lane('visibility', 'Visibility'),
    network: lane('network', 'Network'),
    fullscreen: lane('fullscreen', 'Fullscreen'),
    actions: lane('actions', 'Actions'),
  };
  const timed = rows.filter((row): row is Timed => row.ms !== null);
  const spanLane = {
    away: lanes.focus,
    hidden: lanes.visibility,
    offline: lanes.network,
    fullscreen: lanes.fullscreen,
  };
  const markLane: Partial<Record<string, [TimelineLane, MarkKind]>> = {
    window_blurred: [lanes.focus, 'left'],
    page_hidden: [lanes.visibility, 'hidden'],
    network_disconnected: [lanes.network, 'disconnected'],
    fullscreen_entered: [lanes.fullscreen, 'fullscreen_entered'],
  };
  for (const row of timed) {
    const span = measured(row.event);
    if (span) {
      spanLane[span.kind].spans.push({
        kind: span.kind,
        startMs: row.ms - span.ms,
        durationMs: span.ms,
        row: row.index,
      });
      continue;
    }
    const action = ACTIONS[row.event.type];
    const placed = markLane[row.event.type] ?? (action ? ([lanes.actions, action] as const) : undefined);
    if (placed) placed[0].marks.push({ kind: placed[1], ms: row.ms, row: row.index });
  }
  // As the review counts departures: Canvas's logger's blur and focus only where the page did not
  // report focus itself (a sampled departure is ours in every mode and says nothing of the mode).
  const oursReported = timed.some(
    (row) =>
      (row.event.type === 'window_blurred' || row.event.type === 'window_focused') && !isSampled(row.event),
  );
  if (!oursReported) canvasDepartures(timed, lanes.focus);
  const questions = questionLanes(timed, maxQuestionLanes);
  return { lanes: [...Object.values(lanes), ...questions.lanes], questionsLeftOut: questions.leftOut };
}

// Canvas's page_blurred → page_focused: a stretch only where both carry the page's own timestamp;
// arrival times measure nothing, so without them each is a mark.
function canvasDepartures(timed: readonly Timed[], focus: TimelineLane): void {
  let open: Timed | null = null;
  for (const row of timed) {
    if (row.event.type === 'page_blurred') {
      if (open) focus.marks.push({ kind: 'left', ms: open.ms, row: open.index });
      open = row;
    } else if (row.event.type === 'page_focused') {
      if (open && !open.byReceived && !row.byReceived)
        focus.spans.push({ kind: 'away', startMs: open.ms, durationMs: row.ms - open.ms, row: row.index });
      else {
        if (open) focus.marks.push({ kind: 'left', ms: open.ms, row: open.index });
        focus.marks.push({ kind: 'back', ms: row.ms, row: row.index });
      }
      open = null;
    }
  }
  if (open) focus.marks.push({ kind: 'left', ms: open.ms, row: open.index });
}
