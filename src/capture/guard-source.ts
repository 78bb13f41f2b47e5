import { catchError, EMPTY, retry, tap, type MonoTypeOperatorFunction } from 'rxjs';
import type { CapturedEvent } from '../pipeline/event-record.js';
import { describeError, type Warn } from './create-warn.js';

// A source that keeps failing without producing anything is broken for this page, not unlucky.
const MAX_RESTARTS = 3;

/**
 * Keeps a failing source from erroring the capture (and from throwing into the page): the error
 * becomes a `capture_warning`, the source starts over, and after repeated failures it stops.
 */
export function guardSource(name: string, warn: Warn): MonoTypeOperatorFunction<CapturedEvent> {
  return (source) =>
    source.pipe(
      tap({
        error: (error: unknown) => {
          warn('handler_failed', { source: name, detail: describeError(error) });
        },
      }),
      retry({ count: MAX_RESTARTS, resetOnSuccess: true }),
      catchError(() => {
        warn('source_stopped', { source: name });
        return EMPTY;
      }),
    );
}
