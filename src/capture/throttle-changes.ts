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
      let heldUntil = 0;
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
        // A timer already set is kept unless the change is due before it: when it fires, this looks
        // again. A student flicking between windows inside the throttle window must not cost a new
        // timer per event (it is a hot path).
        if (latest === recorded) return;
        const dueAt = allowedFrom.get(latest) ?? -Infinity;
        if (dueAt <= scheduler.now()) {
          record();
        } else if (!heldBack || heldUntil > dueAt) {
          release();
          heldUntil = dueAt;
          heldBack = scheduler.schedule(() => {
            heldBack = undefined;
            settle();
          }, dueAt - scheduler.now());
        }
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
