import type { SchedulerLike, Subscription } from 'rxjs';
import { createRelay, type Relay } from '../util/create-relay.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { DropCounts } from '../store/event-store.js';
import { bufferBurst } from './buffer-burst.js';

const LOSS_REPORT_WINDOW_MS = 2000;

export interface LossReports {
  /** The store's bounds pushed these out. */
  dropped: (counts: DropCounts) => void;
  /** Records what is tallied now (a flush, a stop). */
  reportNow: () => void;
  readonly subscription: Subscription;
}

/**
 * Records `events_dropped`, at most once per window and summed, so a store that keeps overflowing
 * (a student offline for hours) sends a handful of loss records, not one per burst.
 */
export function reportLosses(
  scheduler: SchedulerLike,
  record: (event: CapturedEvent) => void,
  onCounted: (count: number) => void,
): LossReports {
  const drops$ = createRelay<DropCounts>();
  const now$: Relay<void> = createRelay();
  const subscription = drops$
    .pipe(bufferBurst(LOSS_REPORT_WINDOW_MS, scheduler, now$))
    .subscribe((tallies) => {
      const byType: DropCounts = {};
      let count = 0;
      for (const tally of tallies) {
        for (const [type, n] of Object.entries(tally)) {
          byType[type] = (byType[type] ?? 0) + n;
          count += n;
        }
      }
      onCounted(count);
      record({
        type: 'events_dropped',
        data: { count, by_type: byType, byType },
        capturedAt: scheduler.now(),
      });
    });
  return {
    dropped: (counts) => {
      drops$.next(counts);
    },
    reportNow: () => {
      now$.next();
    },
    subscription,
  };
}
