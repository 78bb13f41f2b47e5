import { Observable } from 'rxjs';

// Capture phase sees the event before any page handler can stop it; passive never blocks scrolling.
const LISTEN = { capture: true, passive: true } as const;

/** One passive capture-phase listener for `type` on `target`, added on subscribe, removed on unsubscribe. */
// Not rxjs's fromEvent, which also handles jQuery and Node emitters the page bundle never meets.
export function fromDomEvent<E extends Event = Event>(target: EventTarget, type: string): Observable<E> {
  return new Observable<E>((subscriber) => {
    const listener = (event: Event) => {
      subscriber.next(event as E);
    };
    target.addEventListener(type, listener, LISTEN);
    return () => {
      target.removeEventListener(type, listener, LISTEN);
    };
  });
}
