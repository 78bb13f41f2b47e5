import type { SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { captureEvent } from './capture-event.js';
import type { CaptureEventDataMap, CaptureWarningReason } from '../events/event-data.js';

type WarningDetails = Omit<CaptureEventDataMap['capture_warning'], 'reason'>;

/** Records a `capture_warning`; each distinct problem once per page load. */
export type Warn = (reason: CaptureWarningReason, details?: WarningDetails) => void;

export function createWarn(emit: (event: CapturedEvent) => void, scheduler: SchedulerLike): Warn {
  const reported = new Set<string>();
  return (reason, details = {}) => {
    const key = `${reason}|${details.source ?? ''}|${details.question_id ?? ''}`;
    if (reported.has(key)) return;
    reported.add(key);
    emit(captureEvent('capture_warning', { reason, ...details }, scheduler));
  };
}

/** `Name: message`, short: error messages can be long, and the record is not a log. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 200);
}
