import { Observable, type MonoTypeOperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';

/**
 * Records changes of a state, each state at most once per `windowMs`, leading edge: Canvas throttles
 * blur and focus separately, 5 s each. Unlike Canvas it never loses the last change: a change the
 * throttle holds back is recorded as soon as the window allows, if the state then still differs from
 * the last recorded one. So blur, focus, blur within 5 s records all three (the last one when the
 * first blur's window ends) and the record ends as away, as the student is. On completion a held-back
 * change is recorded at once. Starts from `initial`, which is never emitted.
 */
export function throttleChanges<T>(
  initial: T,
  windowMs: number,
  scheduler: SchedulerLike,
): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      const allowedFrom = new Map<T, number>();
      let recorded = initial;
      let latest = initial;
      let heldBack: Subscription | undefined;
      const release = () => {
        heldBack?.unsubscribe();
        heldBack = undefined;
      };
      const record = () => {
        release();
        recorded = latest;
        allowedFrom.set(latest, scheduler.now() + windowMs);
        subscriber.next(latest);
      };
      const settle = () => {
        release();
        if (latest === recorded) return;
        const waitMs = (allowedFrom.get(latest) ?? -Infinity) - scheduler.now();
        if (waitMs <= 0) record();
        else heldBack = scheduler.schedule(settle, waitMs);
      };
      const subscription = source.subscribe({
        next: (value) => {
          latest = value;
          settle();
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          if (latest !== recorded) record();
          subscriber.complete();
        },
      });
      return () => {
        release();
        subscription.unsubscribe();
      };
    });
}
