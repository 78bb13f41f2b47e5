import { Subscription, type SchedulerLike } from 'rxjs';

export interface ClockConfig {
  scheduler: SchedulerLike;
  /** Seconds before the end at which `onWarning` fires, e.g. [300, 60]. */
  warningsSec: readonly number[];
  onWarning: (secondsLeft: number) => void;
  onTimeUp: () => void;
}

/**
 * A local countdown to an attempt's end, kept honest by Canvas: each `correct(timeLeftSec)` (from
 * the time endpoint) re-bases it on the server's own count, so a wrong local clock does not matter.
 * Every timer runs on the injected scheduler.
 */
export class SessionClock {
  readonly #c: ClockConfig;
  #timers = new Subscription();
  #endMs: number | undefined;
  readonly #fired = new Set<number | 'up'>();

  constructor(config: ClockConfig) {
    this.#c = config;
  }

  /** Milliseconds left by the local countdown, or undefined for an untimed attempt. */
  get msLeft(): number | undefined {
    return this.#endMs === undefined ? undefined : Math.max(0, this.#endMs - this.#c.scheduler.now());
  }

  /** Re-bases the countdown on Canvas's `time_left` (seconds; null: untimed). */
  correct(timeLeftSec: number | null): void {
    this.#timers.unsubscribe();
    this.#timers = new Subscription();
    if (timeLeftSec === null) {
      this.#endMs = undefined;
      return;
    }
    const now = this.#c.scheduler.now();
    this.#endMs = now + timeLeftSec * 1000;
    for (const warning of this.#c.warningsSec) {
      if (this.#fired.has(warning) || warning >= timeLeftSec) continue;
      this.#at(this.#endMs - warning * 1000, () => {
        this.#fired.add(warning);
        this.#c.onWarning(warning);
      });
    }
    if (!this.#fired.has('up')) {
      this.#at(this.#endMs, () => {
        this.#fired.add('up');
        this.#c.onTimeUp();
      });
    }
  }

  stop(): void {
    this.#timers.unsubscribe();
  }

  #at(whenMs: number, work: () => void): void {
    this.#timers.add(this.#c.scheduler.schedule(work, Math.max(0, whenMs - this.#c.scheduler.now())));
  }
}
