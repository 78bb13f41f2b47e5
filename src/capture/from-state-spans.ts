import { Observable, type SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureEventDataMap, CaptureEventType } from '../events/event-data.js';
import { captureEvent } from './capture-event.js';
import { fromListener } from './from-listener.js';

/** The event types that may have empty `event_data`: the moment a state turns on. */
type EmptyDataType = {
  [K in CaptureEventType]: Record<string, never> extends CaptureEventDataMap[K] ? K : never;
}[CaptureEventType];

export interface StateSpans<Off extends CaptureEventType> {
  /** Whether the state is on now; read at start and on each of the listened events. */
  isOn: () => boolean;
  on: EmptyDataType;
  off: Off;
  /** The `off` event's data, from how long the state was on. */
  offData: (durationMs: number) => CaptureEventDataMap[Off];
}

/**
 * An on/off state of the page (hidden, fullscreen, offline) as its changes, starting from off: `on`
 * when it turns on (or is on at start), then `off` with how long it was on. The state is read at
 * subscribe and whenever one of `types` fires on `target`; a reading equal to the last records
 * nothing. One listener per type, no operators: the three sources share this path.
 */
export function fromStateSpans<Off extends CaptureEventType>(
  target: EventTarget,
  types: readonly string[],
  scheduler: SchedulerLike,
  spans: StateSpans<Off>,
): Observable<CapturedEvent> {
  // Per subscription: each starts from off and reads the state at once.
  return new Observable<CapturedEvent>((subscriber) => {
    let on = false;
    let sinceMs = 0;
    // The event and the duration share one reading of the clock, so they agree exactly.
    const read = (): CapturedEvent | undefined => {
      if (spans.isOn() === on) return undefined;
      on = !on;
      const nowMs = scheduler.now();
      if (on) {
        sinceMs = nowMs;
        return captureEvent(spans.on, {}, scheduler, nowMs);
      }
      return captureEvent(spans.off, spans.offData(nowMs - sinceMs), scheduler, nowMs);
    };
    const initial = read();
    if (initial) subscriber.next(initial);
    return fromListener(target, types, read).subscribe(subscriber);
  });
}
