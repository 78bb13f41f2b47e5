import { Observable, type MonoTypeOperatorFunction, type SchedulerLike, type Subscription } from 'rxjs';

/**
 * rxjs's `debounceTime`: the latest value once `quietMs` pass without another. One timer per quiet
 * spell, not one per value: a burst of input events (the hottest event of an essay question) moves
 * a due time, not a timer. A value `now` picks goes out at once; completion emits what is pending.
 */
export function debounceWindow<T>(
  quietMs: number,
  scheduler: SchedulerLike,
  now: (value: T) => boolean = () => false,
): MonoTypeOperatorFunction<T> {
  return (source) =>
    new Observable<T>((subscriber) => {
      let timer: Subscription | undefined;
      let dueAt = 0;
      // No object per value: this runs for every keystroke of an essay answer.
      let pending = false;
      let latest: T;
      const emit = () => {
        timer?.unsubscribe();
        timer = undefined;
        if (!pending) return;
        pending = false;
        subscriber.next(latest);
      };
      const wake = () => {
        timer = undefined;
        const waitMs = dueAt - scheduler.now();
        if (waitMs > 0) timer = scheduler.schedule(wake, waitMs);
        else emit();
      };
      const inner = source.subscribe({
        next: (value) => {
          latest = value;
          pending = true;
          if (now(value)) {
            emit();
            return;
          }
          dueAt = scheduler.now() + quietMs;
          timer ??= scheduler.schedule(wake, quietMs);
        },
        error: (error: unknown) => {
          subscriber.error(error);
        },
        complete: () => {
          emit();
          subscriber.complete();
        },
      });
      return () => {
        inner.unsubscribe();
        timer?.unsubscribe();
      };
    });
}
