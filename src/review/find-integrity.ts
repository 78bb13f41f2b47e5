import type { Finding } from './attempt-review.js';
import { byTab, ofType, type ReviewEvent } from './review-event.js';

// A wall clock and a monotonic clock that disagree by more than this over one beat: the clock was set.
const CLOCK_CHANGE_MS = 2000;
// A visible page's timer that fires this much later than asked: the page was paused or frozen.
const STALL_MS = 5000;

const num = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * What the heartbeats say (docs/events.md, `heartbeat` and `tamper_suspected`):
 * - `tamper_suspected` (alert): the page sampled a departure no event reported;
 * - `heartbeat_gap` (alert): a page load that ran the SDK sent no heartbeat at all, or the attempt
 *   has none where heartbeats are expected (`expectHeartbeats`);
 * - `clock_jump` (notice): over one beat, the wall clock moved against the monotonic clock (a clock
 *   set), or a visible page was held 5 s or more (`page_stalled`, or an interval beat that late).
 */
export function findIntegrity(
  events: readonly ReviewEvent[],
  { intervalMs, expectHeartbeats }: { intervalMs: number; expectHeartbeats: boolean },
): Finding[] {
  const findings: Finding[] = ofType(events, 'tamper_suspected').map((event) => ({
    code: 'tamper_suspected',
    severity: 'alert',
    at: event.at,
    receivedAt: event.receivedAt,
    detail: `Tab ${String(event.tab)}: the page was ${event.data.reason === 'focus_unreported' ? 'out of focus' : 'hidden'} for ${String(Math.round((num(event.data.since_ms) ?? 0) / 1000))} s with no event saying so, as sampled through getters a page script cannot patch: something stopped the events or faked the page's state.`,
  }));
  const tabs = byTab(events);
  let beats = 0;
  for (const [tab, list] of tabs) {
    const ownBeats = ofType(list, 'heartbeat');
    beats += ownBeats.length;
    if (ownBeats.length === 0 && expectHeartbeats)
      findings.push({
        code: 'heartbeat_gap',
        severity: 'alert',
        at: null,
        receivedAt: null,
        detail: `Tab ${tab}: this page load sent ${String(list.length)} event(s) but no heartbeat: its heartbeats were stripped or blocked, or heartbeats were turned off.`,
      });
    // The page's own record of a stall; a beat it made late says the same and is not said twice.
    const stalls = ofType(list, 'page_stalled');
    for (const stall of stalls)
      findings.push({
        code: 'clock_jump',
        severity: 'notice',
        at: stall.at,
        receivedAt: stall.receivedAt,
        detail: `Tab ${tab}: the page was visible and its main thread held for ${String(Math.round(stall.data.stalled_ms / 1000))} s (paused in a debugger, or frozen).`,
      });
    let previousVisible = true;
    let previousSeq = 0;
    for (const beat of ownBeats) {
      const seq = beat.seq ?? previousSeq;
      const stalledSince = stalls.some((stall) => (stall.seq ?? 0) > previousSeq && (stall.seq ?? 0) < seq);
      previousSeq = seq;
      const wall = num(beat.data.wall_ms);
      const mono = num(beat.data.mono_ms);
      if (wall !== null && mono !== null && Math.abs(wall - mono) > CLOCK_CHANGE_MS)
        findings.push({
          code: 'clock_jump',
          severity: 'notice',
          at: beat.at,
          receivedAt: beat.receivedAt,
          detail: `Tab ${tab}: between heartbeats ${String(beat.data.n - 1)} and ${String(beat.data.n)} the computer's clock moved ${String(Math.round((wall - mono) / 1000))} s against the time that passed: timestamps around it are off by that much.`,
        });
      else if (
        !stalledSince &&
        mono !== null &&
        beat.data.reason === 'interval' &&
        previousVisible &&
        beat.data.visible &&
        mono > intervalMs + STALL_MS
      )
        findings.push({
          code: 'clock_jump',
          severity: 'notice',
          at: beat.at,
          receivedAt: beat.receivedAt,
          detail: `Tab ${tab}: heartbeat ${String(beat.data.n)} came ${String(Math.round((mono - intervalMs) / 1000))} s late while the page was visible: the page was paused (a debugger) or frozen for that long.`,
        });
      previousVisible = beat.data.visible;
    }
  }
  if (beats === 0 && tabs.size === 0 && expectHeartbeats)
    findings.push({
      code: 'heartbeat_gap',
      severity: 'alert',
      at: null,
      receivedAt: null,
      detail:
        'The attempt has no heartbeat and no event of ours at all: the SDK did not run, or everything it sent was blocked.',
    });
  return findings;
}
