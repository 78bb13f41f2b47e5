import type { Relay } from '../util/create-relay.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { WriteProgress } from './write-progress.js';

/** The entry of the attempt's write path: every captured or host event comes in here. */
export interface Recorder {
  record: (event: CapturedEvent) => void;
  /** The write path is wired: what was recorded before goes in, in order. */
  open: () => void;
  /** Kept by the page's visibility listeners: no DOM read per recorded event. */
  setHidden: (hidden: boolean) => void;
  readonly hidden: boolean;
  /** Nothing more is accepted. */
  close: () => void;
}

export function createRecorder(
  captured$: Relay<CapturedEvent>,
  progress: WriteProgress,
  hidden: boolean,
  endHiddenTask: () => void,
): Recorder {
  let closed = false;
  // Events recorded before the write path is wired (a storage failure while opening the store
  // records one) wait here instead of being lost by a subject nobody listens to yet.
  let early: CapturedEvent[] | undefined = [];
  // A hidden page's timers are throttled to a second or more, so the write window's timer would
  // keep its events unwritten (and at risk) that long: there, a burst ends with the task instead.
  let endOfTask = false;
  const atEndOfTask = () => {
    endOfTask = false;
    endHiddenTask();
  };
  return {
    record: (event) => {
      if (closed) return;
      progress.recorded(1);
      if (early) {
        early.push(event);
        return;
      }
      captured$.next(event);
      if (hidden && !endOfTask) {
        endOfTask = true;
        queueMicrotask(atEndOfTask);
      }
    },
    open: () => {
      const waiting = early ?? [];
      early = undefined;
      for (const event of waiting) captured$.next(event);
    },
    setHidden: (now) => {
      hidden = now;
    },
    get hidden() {
      return hidden;
    },
    close: () => {
      closed = true;
    },
  };
}
