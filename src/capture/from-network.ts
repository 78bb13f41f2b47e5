import { map, type Observable, type SchedulerLike } from 'rxjs';
import { mergeStreams } from '../util/merge-streams.js';
import { startWithValue } from '../util/start-with-value.js';
import type { CapturedEvent } from '../events/captured-event.js';
import { captureEvent } from './capture-event.js';
import { fromDomEvent } from '../util/from-dom-event.js';
import { trackSpans } from './track-spans.js';

/** `network_disconnected` when the browser goes offline (or is at start), `network_reconnected` with how long. */
export function fromNetwork(target: Window, scheduler: SchedulerLike): Observable<CapturedEvent> {
  return mergeStreams(fromDomEvent(target, 'offline'), fromDomEvent(target, 'online')).pipe(
    startWithValue(undefined),
    map(() => !target.navigator.onLine),
    trackSpans(scheduler),
    map((span) =>
      span.on
        ? captureEvent('network_disconnected', {}, scheduler, span.atMs)
        : captureEvent('network_reconnected', { offline_ms: span.durationMs }, scheduler, span.atMs),
    ),
  );
}
