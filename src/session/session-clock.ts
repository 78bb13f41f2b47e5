import { Subscription, type SchedulerLike } from 'rxjs';

export interface ClockConfig {
  scheduler: SchedulerLike;
  /** Seconds before the end at which `onWarning` fires, e.g. [300, 60]. */
  warningsSec: readonly number[];
  onWarning: (secondsLeft: number) => void;
  onTimeUp: () => void;
}

export interface SessionClock {
  /** Re-bases the countdown on Canvas's `time_left` (seconds; null: untimed). */
  correct(timeLeftSec: number | null): void;
  stop(): void;
}

/**
 * A local countdown to an attempt's end, kept honest by Canvas: each `correct(timeLeftSec)` (from
 * the time endpoint) re-bases it on the server's own count, so a wrong local clock does not matter.
 * Every timer runs on the injected scheduler.
 */
export function createSessionClock({
  scheduler,
  warningsSec,
  onWarning,
  onTimeUp,
}: ClockConfig): SessionClock {
  let timers = new Subscription();
  // Each warning, and the end, fires once however often the countdown is re-based.
  const fired = new Set<number | 'up'>();
  const once = (key: number | 'up', delayMs: number, run: () => void) => {
    if (fired.has(key)) return;
    timers.add(
      scheduler.schedule(
        () => {
          fired.add(key);
          run();
        },
        Math.max(0, delayMs),
      ),
    );
  };
  const stop = () => {
    timers.unsubscribe();
  };
  return {
    correct(timeLeftSec) {
      stop();
      timers = new Subscription();
      if (timeLeftSec === null) return;
      for (const warning of warningsSec)
        if (warning < timeLeftSec)
          once(warning, (timeLeftSec - warning) * 1000, () => {
            onWarning(warning);
          });
      once('up', timeLeftSec * 1000, onTimeUp);
    },
    stop,
  };
}
