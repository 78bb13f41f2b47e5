import { filter, map, type OperatorFunction, type SchedulerLike } from 'rxjs';
import { deferObservable } from '../util/defer-observable.js';

/** `atMs`: when the change was seen, so an event's capturedAt and its duration agree exactly. */
export type Span = { on: true; atMs: number } | { on: false; durationMs: number; atMs: number };

/**
 * Turns readings of an on/off state (hidden, offline, fullscreen) into its changes, starting from
 * off: `{on: true}` when it turns on (or is on at the first reading), then `{on: false, durationMs}`.
 */
export function trackSpans(scheduler: SchedulerLike): OperatorFunction<boolean, Span> {
  return (source) =>
    deferObservable(() => {
      let on = false;
      let sinceMs = 0;
      return source.pipe(
        filter((reading) => reading !== on),
        map((reading): Span => {
          on = reading;
          const nowMs = scheduler.now();
          if (reading) {
            sinceMs = nowMs;
            return { on: true, atMs: nowMs };
          }
          return { on: false, durationMs: nowMs - sinceMs, atMs: nowMs };
        }),
      );
    });
}
