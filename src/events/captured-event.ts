/** An event as a capture source produces it, before it has a place in the attempt's record. */
export interface CapturedEvent {
  type: string;
  /** Canvas's `event_data`; absent for types whose `event_data` key Canvas omits. */
  data?: unknown;
  /** When it happened, in ms since the epoch, from the scheduler's clock. */
  capturedAt: number;
}
