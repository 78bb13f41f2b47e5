import { defer, filter, map, type OperatorFunction, type SchedulerLike } from 'rxjs';

export type Span = { on: true } | { on: false; durationMs: number };

/**
 * Turns readings of an on/off state (hidden, offline, fullscreen) into its changes, starting from
 * off: `{on: true}` when it turns on (or is on at the first reading), then `{on: false, durationMs}`.
 */
export function trackSpans(scheduler: SchedulerLike): OperatorFunction<boolean, Span> {
  return (source) =>
    defer(() => {
      let on = false;
      let sinceMs = 0;
      return source.pipe(
        filter((reading) => reading !== on),
        map((reading): Span => {
          on = reading;
          const nowMs = scheduler.now();
          if (reading) {
            sinceMs = nowMs;
            return { on: true };
          }
          return { on: false, durationMs: nowMs - sinceMs };
        }),
      );
    });
}
