// Capture phase sees the event before any page handler can stop it; passive never blocks scrolling.
const LISTEN = { capture: true, passive: true } as const;

/** One passive capture-phase `listener` per type on `target`; returns what removes them. */
export function listen(target: EventTarget, types: readonly string[], listener: (event: Event) => void) {
  for (const type of types) target.addEventListener(type, listener, LISTEN);
  return () => {
    for (const type of types) target.removeEventListener(type, listener, LISTEN);
  };
}
