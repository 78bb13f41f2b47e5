import type { ProctorErrorCode } from '../errors/messages.js';
import { TransportError } from '../errors/transport-error.js';

/** A delivery error as it crosses to another tab. */
export interface WireError {
  code: ProctorErrorCode;
  message: string;
  retryable: boolean;
  status?: number;
}

/** Messages between the tabs of one attempt (BroadcastChannel, named after the attempt's store). */
export type TabMessage =
  /** A tab of the attempt started: the others record `second_tab_opened`. */
  | { type: 'hello'; tabId: string }
  /** A follower wrote events, or saw a reason to send: the leader should drain. */
  | { type: 'wake' }
  /** A tab became the leader: flushes still waiting for an answer are asked again. */
  | { type: 'leader' }
  /**
   * A follower's flush(), asked at `at` (ms since the epoch): the leader drains, lifting only a
   * pause or backoff older than that, and answers `flushed` with the same id.
   */
  | { type: 'flush'; id: string; at: number }
  | { type: 'flushed'; id: string; error?: WireError | undefined };

export function toWire(error: TransportError): WireError {
  const wire: WireError = { code: error.code, message: error.message, retryable: error.retryable };
  if (error.status !== undefined) wire.status = error.status;
  return wire;
}

/** The leader's error as this tab's own: same code, so an app reacting to `unauthorized` works in every tab. */
export function fromWire(wire: WireError): TransportError {
  const init: { retryable: boolean; status?: number; detail: string } = {
    retryable: wire.retryable,
    detail: wire.message,
  };
  if (wire.status !== undefined) init.status = wire.status;
  return new TransportError(wire.code, init);
}

export interface TabChannel {
  post(message: TabMessage): void;
  close(): void;
}

export function openTabChannel(name: string, onMessage: (message: TabMessage) => void): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(name);
  let closed = false;
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    onMessage(event.data);
  };
  return {
    post: (message) => {
      // A message due after stop() (a keepalive answered late) has nobody to tell.
      if (!closed) channel.postMessage(message);
    },
    close: () => {
      closed = true;
      channel.close();
    },
  };
}
