import { fromEvent, type Observable } from 'rxjs';

// Capture phase sees the event before any page handler can stop it; passive never blocks scrolling.
const LISTEN = { capture: true, passive: true } as const;

/** One passive capture-phase listener for `type` on `target`, added on subscribe, removed on unsubscribe. */
export function fromDomEvent<E extends Event = Event>(target: EventTarget, type: string): Observable<E> {
  return fromEvent(target, type, LISTEN) as Observable<E>;
}
