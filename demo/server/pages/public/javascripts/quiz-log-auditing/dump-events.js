import { eventManager } from './log-auditing.js';

// dump_events.js: start the manager if it is not running (the quiz page first drops every
// tracker, so only leftovers are sent) and deliver at once when the buffer holds anything.
export function dumpEvents(unregister) {
  if (unregister) eventManager.unregisterAllTrackers();
  if (!eventManager.isRunning()) eventManager.start();
  if (eventManager.isDirty()) return eventManager.deliver();
  return undefined;
}
