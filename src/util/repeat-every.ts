import type { SchedulerAction, SchedulerLike, Subscription } from 'rxjs';

/**
 * `interval(periodMs, scheduler).subscribe(tick)` without rxjs's `interval` and `timer` (their
 * argument juggling is most of their bytes): `tick` every `periodMs` until unsubscribed, on the
 * injected scheduler so tests run it in virtual time.
 */
export function repeatEvery(periodMs: number, scheduler: SchedulerLike, tick: () => void): Subscription {
  return scheduler.schedule(function (this: SchedulerAction<undefined>) {
    this.schedule(undefined, periodMs);
    try {
      tick();
    } catch (error) {
      // As rxjs reports a subscriber's throw: the page's error handlers see it, and the ticks go on
      // (a throw out of a scheduled action would cancel every action of the same flush).
      queueMicrotask(() => {
        throw error;
      });
    }
  }, periodMs);
}
