import { canvasXhr, isSuccess } from '../lib/canvas-xhr.js';
import { EventBuffer } from './event-buffer.js';
import { QuizEvent } from './quiz-event.js';

// EventManager (event_manager.js, canvas-api.md §1.3–§1.4): trackers enqueue into the
// localStorage buffer; every `deliveryMs` all pending events go as one POST
// {quiz_submission_events: [...]}; a 2xx discards them, anything else puts them back for the
// next tick (no backoff, no limit, whatever the status). page_focused is dropped unless the
// previous enqueued event was page_blurred. Several deliveries may be in flight, each with its
// own events.

const JSON_HEADERS = {
  Accept: 'application/json; charset=UTF-8',
  'Content-Type': 'application/json; charset=UTF-8',
};

export class EventManager {
  constructor({
    deliveryUrl = '/quiz_submission_events',
    deliveryMs = 15_000,
    errorHandler = () => {},
  } = {}) {
    this.options = { deliveryUrl, deliveryMs, errorHandler, autoDeliver: true };
    this.trackerFactories = [];
    this.state = { trackers: [], buffer: null, interval: null, deliveries: [], lastEventType: null };
  }

  registerTracker(tracker) {
    this.trackerFactories.push(tracker);
  }

  unregisterAllTrackers() {
    this.trackerFactories = [];
  }

  start() {
    this.state.buffer = new EventBuffer();
    this.state.trackers = this.trackerFactories.map((tracker) =>
      tracker.install((data) => this.enqueue(new QuizEvent(tracker.eventType, data))),
    );
    if (this.options.autoDeliver)
      this.state.interval = setInterval(() => this.deliver(), this.options.deliveryMs);
  }

  isRunning() {
    return this.state.buffer !== null;
  }

  isDirty() {
    return this.isRunning() && !this.state.buffer.isEmpty();
  }

  isDelivering() {
    return this.state.deliveries.length > 0;
  }

  enqueue(event) {
    if (event.type === 'page_focused' && this.state.lastEventType !== 'page_blurred') return;
    this.state.buffer.push(event);
    this.state.lastEventType = event.type;
  }

  deliver() {
    const { buffer, deliveries } = this.state;
    if (!buffer) return Promise.resolve();
    const events = buffer.pending();
    if (events.length === 0) return Promise.resolve();
    for (const event of events) event.state = 'in_delivery';
    const delivery = canvasXhr({
      method: 'POST',
      url: this.options.deliveryUrl,
      headers: JSON_HEADERS,
      body: JSON.stringify({ quiz_submission_events: events }),
    }).then((response) => {
      deliveries.splice(deliveries.indexOf(delivery), 1);
      if (isSuccess(response.status)) {
        buffer.discard(events);
      } else {
        for (const event of events) event.state = 'pending_delivery';
        this.options.errorHandler(response);
      }
    });
    deliveries.push(delivery);
    return delivery;
  }

  /** Canvas's stop: waits for deliveries in flight unless forced; does not flush. */
  async stop(force = false) {
    if (this.isDelivering() && !force) {
      await Promise.all(this.state.deliveries);
      return this.stop(true);
    }
    this.state.buffer = null;
    clearInterval(this.state.interval);
    this.state.interval = null;
    for (const uninstall of this.state.trackers) uninstall();
    this.state.trackers = [];
    return undefined;
  }
}
