// QuizEvent (ui/shared/quiz-log-auditing/jquery/event.js): a type, optional data, the time it
// was recorded, and a delivery state. Serialized as {event_type, event_data, client_timestamp}:
// JSON.stringify drops an undefined event_data and writes the Date as ISO 8601 with
// milliseconds and a Z.

let lastId = 0;

export class QuizEvent {
  constructor(type, data) {
    if (!type) throw new Error('An event type must be specified.');
    lastId += 1;
    this.id = lastId;
    this.state = 'pending_delivery';
    this.type = type;
    this.data = data === undefined ? undefined : structuredClone(data);
    this.recordedAt = new Date();
  }

  /** An event as localStorage kept it: a fresh id, pending, its original timestamp. */
  static fromJSON(descriptor) {
    const event = new QuizEvent(descriptor.event_type, descriptor.event_data);
    event.recordedAt = new Date(descriptor.client_timestamp);
    return event;
  }

  toJSON() {
    return { event_type: this.type, event_data: this.data, client_timestamp: this.recordedAt };
  }
}
