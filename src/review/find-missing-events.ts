import type { Finding } from './attempt-review.js';
import { isCanvasShaped } from './event-shapes.js';
import type { UnreadableNumber } from './read-events.js';
import { byTab, isSampled, ofType, type NumberedEvent, type ReviewEvent } from './review-event.js';

/** One page load's numbers that never arrived, and what it said about them itself. */
interface Gap {
  tab: string;
  highest: number;
  /** Runs of missing numbers, `[first, last]`. */
  runs: [number, number][];
  missing: number;
  /** What its own `events_dropped` reported. */
  dropped: number;
  /** It recorded focus as window_blurred/window_focused, which a page does only when it sends none of Canvas's types. */
  sendsNoCanvasTypes: boolean;
  storageFailed: boolean;
}

/**
 * `events_missing`: numbers below a page load's highest that never arrived, beyond what the log
 * accounts for (docs/review.md has the rule). While the attempt is still being taken they may be
 * on their way, so they are a note, not a finding.
 */
export function findMissingEvents(
  events: readonly ReviewEvent[],
  unreadable: readonly UnreadableNumber[],
  stillTaken: boolean,
): { findings: Finding[]; notes: string[] } {
  // Every page load, gap or not: one without a gap may have reported drops that explain another's.
  const gaps = [...byTab(events)].map(([tab, list]) => gapOf(tab, list, unreadable));
  const unexplained = unexplainedGaps(gaps, events.filter((event) => isCanvasShaped(event.type)).length);
  if (stillTaken)
    return {
      findings: [],
      notes: unexplained.map(
        ({ gap }) =>
          `The attempt is still being taken: tab ${gap.tab} has ${count(gap.missing)} not arrived yet (seq ${runsText(gap.runs)}); they may still be on their way, so events_missing is judged once the attempt is submitted.`,
      ),
    };
  return {
    findings: unexplained.map(({ gap, why }) => ({
      code: 'events_missing',
      severity: 'alert',
      at: null,
      receivedAt: null,
      detail:
        `Tab ${gap.tab}: ${count(gap.missing)} never reached Canvas (seq ${runsText(gap.runs)}; its highest is ${String(gap.highest)})` +
        (gap.dropped > 0 ? `, ${String(gap.dropped)} of which its own events_dropped account for` : '') +
        `. Nothing in the log accounts for ${gap.dropped > 0 ? 'the rest' : 'them'}: ${why}.` +
        (gap.storageFailed ? ' Its storage had failed (storage_reset), which can lose events.' : ''),
    })),
    notes: [],
  };
}

function gapOf(tab: string, list: readonly NumberedEvent[], unreadable: readonly UnreadableNumber[]): Gap {
  const arrived = [...list, ...unreadable.filter((number) => number.tab === tab)].sort(
    (a, b) => a.seq - b.seq,
  );
  const runs: [number, number][] = [];
  let last = 0;
  // Walk the numbers that arrived, not every number up to the highest (a seq can be any safe integer).
  for (const { seq } of arrived) {
    if (seq > last + 1) runs.push([last + 1, seq - 1]);
    last = Math.max(last, seq);
  }
  return {
    tab,
    highest: last,
    runs,
    missing: runs.reduce((total, [first, end]) => total + end - first + 1, 0),
    dropped: ofType(list, 'events_dropped').reduce((total, event) => total + event.data.count, 0),
    sendsNoCanvasTypes: list.some(
      (event) => (event.type === 'window_blurred' || event.type === 'window_focused') && !isSampled(event),
    ),
    storageFailed: list.some((event) => event.type === 'storage_degraded'),
  };
}

/**
 * The gaps the log cannot account for. A page load's own drop reports come first. The attempt's
 * pages share one store, so a drop one page reported may have been another's event: what a page
 * reported beyond its own gap is spare for the others. A page that may send Canvas's types numbers
 * them too, and their shape carries no number, so every Canvas-type event in the log may fill one
 * of its gaps. Which page load a pooled explanation belongs to cannot be known, so when a pool falls
 * short, every gap that drew on it is reported.
 */
function unexplainedGaps(gaps: readonly Gap[], canvasShaped: number): { gap: Gap; why: string }[] {
  const left = (gap: Gap) => Math.max(0, gap.missing - gap.dropped);
  let spare = gaps.reduce((total, gap) => total + Math.max(0, gap.dropped - gap.missing), 0);
  const unexplained: { gap: Gap; why: string }[] = [];
  const need = (group: Gap[]) => group.reduce((total, gap) => total + left(gap), 0);
  const noCanvas = gaps.filter((gap) => gap.sendsNoCanvasTypes && left(gap) > 0);
  const others = gaps.filter((gap) => !gap.sendsNoCanvasTypes && left(gap) > 0);
  const dropsText = () =>
    spare === 0
      ? 'no other page load reported drops beyond its own gaps'
      : `other page loads reported only ${String(spare)} ${spare === 1 ? 'drop' : 'drops'} beyond their own gaps`;
  if (need(noCanvas) > spare) {
    const why = `${dropsText()}, and this page sent none of Canvas's types (it recorded focus as window_blurred/window_focused)`;
    unexplained.push(...noCanvas.map((gap) => ({ gap, why })));
    spare = 0;
  } else spare -= need(noCanvas);
  if (need(others) > spare + canvasShaped) {
    const why = `${dropsText()}, and the log holds only ${String(canvasShaped)} events of Canvas's types, which a page sending them numbers without writing the number`;
    unexplained.push(...others.map((gap) => ({ gap, why })));
  }
  return unexplained;
}

const count = (n: number): string => `${String(n)} numbered ${n === 1 ? 'event' : 'events'}`;

const MAX_RUNS = 8;

function runsText(runs: readonly [number, number][]): string {
  const text = runs
    .slice(0, MAX_RUNS)
    .map(([first, last]) => (first === last ? String(first) : `${String(first)}–${String(last)}`))
    .join(', ');
  return runs.length > MAX_RUNS ? `${text} and ${String(runs.length - MAX_RUNS)} more runs` : text;
}
