import type { SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import type { CaptureEventDataMap, CaptureEventType } from '../events/event-data.js';

/** A captured event whose `event_data` the compiler checks against the catalog's type for `type`. */
export function captureEvent<K extends CaptureEventType>(
  type: K,
  data: CaptureEventDataMap[K],
  scheduler: SchedulerLike,
  capturedAt: number = scheduler.now(),
): CapturedEvent {
  // Canvas omits the event_data key for blur and focus; an own `data: undefined` would still be a key.
  return data === undefined ? { type, capturedAt } : { type, data, capturedAt };
}
