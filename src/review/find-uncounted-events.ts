import type { Finding } from './attempt-review.js';
import { isCanvasShaped } from './event-shapes.js';
import { byTab, ofType, type ReviewEvent } from './review-event.js';

const isCountMap = (value: unknown): value is Record<string, number> =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((count) => Number.isSafeInteger(count) && (count as number) >= 0);

/**
 * `events_missing` from the heartbeats' counts: each page load's last heartbeat says how many events
 * of each type it had queued before it (`sent`); fewer of a type arrived than that, beyond what the
 * page load's own `events_dropped` reports, means some never arrived, whatever their seq says (a
 * patched `fetch` that strips one type from each batch leaves holes the other rules may excuse).
 * Canvas's types carry no `tab`, so they are compared over the whole attempt, where Canvas's own
 * logger may only add to what arrived, never take away.
 */
export function findUncountedEvents(events: readonly ReviewEvent[]): Finding[] {
  const findings: Finding[] = [];
  const canvasSent: Record<string, number> = {};
  for (const [tab, list] of byTab(events)) {
    const beats = ofType(list, 'heartbeat');
    const last = beats[beats.length - 1];
    if (!last || !isCountMap(last.data.sent)) continue;
    const dropped: Record<string, number> = {};
    for (const drop of ofType(list, 'events_dropped'))
      for (const [type, count] of Object.entries(drop.data.by_type))
        dropped[type] = (dropped[type] ?? 0) + count;
    const short: string[] = [];
    for (const [type, sent] of Object.entries(last.data.sent)) {
      if (isCanvasShaped(type)) {
        canvasSent[type] = (canvasSent[type] ?? 0) + sent;
        continue;
      }
      const before = last.seq ?? Number.MAX_SAFE_INTEGER;
      const arrived = list.filter((event) => event.type === type && event.seq < before).length;
      const expected = sent - (dropped[type] ?? 0);
      if (arrived < expected) short.push(`${String(expected - arrived)} of ${String(expected)} ${type}`);
    }
    if (short.length > 0)
      findings.push({
        code: 'events_missing',
        severity: 'alert',
        at: last.at,
        receivedAt: last.receivedAt,
        detail: `Tab ${tab}: its heartbeat ${String(last.data.n)} counts events queued before it that never arrived: ${short.join(', ')}. The requests went out without them (a script patching fetch or XMLHttpRequest strips events this way).`,
      });
  }
  const short = Object.entries(canvasSent)
    .map(([type, sent]) => [type, sent, events.filter((event) => event.type === type).length] as const)
    .filter(([, sent, arrived]) => arrived < sent)
    .map(([type, sent, arrived]) => `${String(sent - arrived)} of ${String(sent)} ${type}`);
  if (short.length > 0)
    findings.push({
      code: 'events_missing',
      severity: 'alert',
      at: null,
      receivedAt: null,
      detail: `The heartbeats count Canvas-type events the SDK queued that never arrived: ${short.join(', ')}.`,
    });
  return findings;
}
