import type { Observable, SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { fromStateSpans } from './from-state-spans.js';

/** `network_disconnected` when the browser goes offline (or is at start), `network_reconnected` with how long. */
export function fromNetwork(target: Window, scheduler: SchedulerLike): Observable<CapturedEvent> {
  return fromStateSpans(target, ['offline', 'online'], scheduler, {
    isOn: () => !target.navigator.onLine,
    on: 'network_disconnected',
    off: 'network_reconnected',
    offData: (offline_ms) => ({ offline_ms }),
  });
}
