import { EventManager } from './event-manager.js';
import { TRACKERS } from './event-trackers.js';

// log_auditing.js: the one EventManager of the page (a module singleton: nothing on window),
// with the five trackers, the delivery URL read once from ENV.QUIZ_SUBMISSION_EVENTS_URL, and
// Canvas's error handler, which logs and reloads the page on a 401.
//
// Not Canvas: the delivery interval comes from the emulator's boot script tag
// (data-qla-delivery-ms, 15000 unless a test shortened it).

const DEFAULT_DELIVERY_MS = 15_000;

function deliveryMs() {
  const value = Number(document.querySelector('script[data-qla-delivery-ms]')?.dataset.qlaDeliveryMs);
  return Number.isInteger(value) && value > 0 ? value : DEFAULT_DELIVERY_MS;
}

export const eventManager = new EventManager({
  deliveryUrl: window.ENV?.QUIZ_SUBMISSION_EVENTS_URL,
  deliveryMs: deliveryMs(),
  errorHandler(response) {
    console.log(response);
    if (response.status === 401 || response.statusText === 'Unauthorized') window.location.reload();
  },
});

for (const tracker of TRACKERS) eventManager.registerTracker(tracker);
