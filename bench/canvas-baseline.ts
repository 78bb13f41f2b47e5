// The baseline: a buffer that works the way Canvas's own quiz log auditing client does, written
// from its description in shared/reference/canvas-api.md §1.3–1.5 (no Canvas code). Every event is
// pushed to one array and the whole array is rewritten to the single localStorage key `qla_events`;
// delivery POSTs everything pending in one request, every 15 s or when asked, and drops what Canvas
// acknowledged (rewriting the key again). One deliberate difference: the timestamp is kept as an
// ISO string instead of a Date, which makes each rewrite cheaper, so it favours the baseline.

export interface BaselineEvent {
  event_type: string;
  event_data?: unknown;
  client_timestamp: string;
}

export interface CanvasBaseline {
  record(type: string, data?: unknown): void;
  /** Sends every pending event in one POST and waits for every delivery in flight. */
  flush(): Promise<void>;
  stop(): void;
  /** POSTs started so far (the interval's and the explicit ones). */
  readonly posts: number;
  /** Events acknowledged by the server and removed from the buffer. */
  readonly acked: number;
}

const KEY = 'qla_events';

interface Entry {
  event: BaselineEvent;
  inDelivery: boolean;
}

export function createCanvasBaseline(url: string, token: string, intervalMs = 15_000): CanvasBaseline {
  let entries: Entry[] = [];
  let posts = 0;
  let acked = 0;
  const inFlight = new Set<Promise<void>>();
  const save = () => {
    try {
      localStorage.setItem(KEY, JSON.stringify(entries.map((entry) => entry.event)));
    } catch {
      // Canvas catches a quota error and only logs it (silently, without ?debug_js=1).
    }
  };

  const deliver = (): Promise<void> => {
    const batch = entries.filter((entry) => !entry.inDelivery);
    if (batch.length === 0) return Promise.resolve();
    for (const entry of batch) entry.inDelivery = true;
    posts += 1;
    const sent = fetch(url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json; charset=UTF-8',
        'Content-Type': 'application/json; charset=UTF-8',
      },
      body: JSON.stringify({ quiz_submission_events: batch.map((entry) => entry.event) }),
    })
      .then((response) => response.ok)
      .catch(() => false)
      .then((ok) => {
        if (ok) {
          const done = new Set(batch);
          entries = entries.filter((entry) => !done.has(entry));
          acked += batch.length;
          save();
        } else {
          // Canvas retries at the next tick, forever, whatever the status.
          for (const entry of batch) entry.inDelivery = false;
        }
      });
    inFlight.add(sent);
    void sent.finally(() => inFlight.delete(sent));
    return sent;
  };
  const timer = setInterval(() => void deliver(), intervalMs);

  return {
    record(type, data) {
      const event: BaselineEvent = { event_type: type, client_timestamp: new Date().toISOString() };
      if (data !== undefined) event.event_data = data;
      entries.push({ event, inDelivery: false });
      save();
    },
    async flush() {
      await deliver();
      await Promise.all(inFlight);
    },
    stop() {
      clearInterval(timer);
    },
    get posts() {
      return posts;
    },
    get acked() {
      return acked;
    },
  };
}
