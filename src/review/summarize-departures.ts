import { byTab, isSampled, isType, type ReviewEvent } from './review-event.js';

/** The departures of `AttemptSummary`, and what the log could not say about them. */
export interface Departures {
  awayMs: number | null;
  departures: number;
  unmeasuredDepartures: number;
  longestDepartureMs: number | null;
  notes: string[];
}

/**
 * Departures from our `window_blurred`/`window_focused` where the log has them (the SDK measured
 * `away_ms` itself), else from Canvas's `page_blurred`/`page_focused`, whose lengths only their
 * `client_timestamp` can give.
 */
export function summarizeDepartures(events: readonly ReviewEvent[]): Departures {
  const ours = events.filter((event) => event.type === 'window_blurred' || event.type === 'window_focused');
  // A departure no event reported, found by sampling (`sampled: true`), is recorded as ours in every
  // mode: only reported ones say the page recorded focus as ours.
  if (ours.some((event) => !isSampled(event))) return fromOurs(ours);
  const canvas = fromCanvas(
    events.filter((event) => event.type === 'page_blurred' || event.type === 'page_focused'),
  );
  return ours.length > 0 ? sum(canvas, fromOurs(ours)) : canvas;
}

function sum(a: Departures, b: Departures): Departures {
  const add = (x: number | null, y: number | null) => (x === null || y === null ? null : x + y);
  const longest = [a.longestDepartureMs, b.longestDepartureMs].filter((ms): ms is number => ms !== null);
  return {
    awayMs: add(a.awayMs, b.awayMs),
    departures: a.departures + b.departures,
    unmeasuredDepartures: a.unmeasuredDepartures + b.unmeasuredDepartures,
    longestDepartureMs: longest.length > 0 ? Math.max(...longest) : null,
    notes: [...a.notes, ...b.notes],
  };
}

function fromOurs(events: ReviewEvent[]): Departures {
  let departures = 0;
  let awayMs = 0;
  let longestDepartureMs = 0;
  const unmeasured: string[] = [];
  for (const [tab, list] of byTab(events)) {
    let open: number | null = null;
    for (const event of list) {
      if (!isType(event, 'window_focused')) {
        // A blur while one is open: the focus between them never arrived, so that length is unknown.
        if (open !== null)
          unmeasured.push(
            `Tab ${tab}: the departure at seq ${String(open)} has no readable window_focused before the next window_blurred (seq ${String(event.seq)}); its length is unknown and not in awayMs.`,
          );
        departures += 1;
        open = event.seq;
        continue;
      }
      // A focus whose blur never arrived still ends a departure the page measured.
      if (open === null) departures += 1;
      open = null;
      awayMs += event.data.away_ms;
      longestDepartureMs = Math.max(longestDepartureMs, event.data.away_ms);
    }
    if (open !== null)
      unmeasured.push(
        `Tab ${tab}: the window was away from seq ${String(open)} (window_blurred) with no return recorded in that page load (closed or reloaded while away, or its window_focused is missing or unreadable); that departure's length is unknown and not in awayMs.`,
      );
  }
  return {
    awayMs,
    departures,
    unmeasuredDepartures: unmeasured.length,
    longestDepartureMs,
    notes: unmeasured,
  };
}

function fromCanvas(events: ReviewEvent[]): Departures {
  const departures = events.filter((event) => event.type === 'page_blurred').length;
  if (departures === 0)
    return { awayMs: 0, departures, unmeasuredDepartures: 0, longestDepartureMs: 0, notes: [] };
  if (events.some((event) => event.atMs === null))
    return {
      awayMs: null,
      departures,
      unmeasuredDepartures: departures,
      longestDepartureMs: null,
      notes: [
        `Departures are counted from Canvas's page_blurred (${String(departures)}), but their lengths are unknown: these events have no client_timestamp (Canvas's API does not return it), and created_at is when a batch arrived, not when the window was left or came back.`,
      ],
    };
  let awayMs = 0;
  let longestDepartureMs = 0;
  let unmeasured = 0;
  let open: number | null = null;
  for (const event of [...events].sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0))) {
    if (event.type === 'page_blurred') {
      if (open !== null) unmeasured += 1;
      open = event.atMs;
    } else if (open !== null && event.atMs !== null) {
      awayMs += event.atMs - open;
      longestDepartureMs = Math.max(longestDepartureMs, event.atMs - open);
      open = null;
    }
  }
  if (open !== null) unmeasured += 1;
  const notes =
    unmeasured === 0
      ? []
      : [
          `${String(unmeasured)} of Canvas's page_blurred have no page_focused after them (Canvas's logger drops a focus that does not directly follow its blur, and a departure still open at the end has none): their lengths are unknown and not in awayMs.`,
        ];
  return { awayMs, departures, unmeasuredDepartures: unmeasured, longestDepartureMs, notes };
}
