/** Messages between the tabs of one attempt (BroadcastChannel, named after the attempt's store). */
export type TabMessage =
  /** A tab of the attempt started: the others record `second_tab_opened`. */
  | { type: 'hello'; tabId: string }
  /** A follower wrote events, or saw a reason to send: the leader should drain. */
  | { type: 'wake' }
  /** A follower's flush(): the leader drains and answers `flushed` with the same id. */
  | { type: 'flush'; id: string }
  | { type: 'flushed'; id: string; error?: { code: string; message: string; status?: number } };

export interface TabChannel {
  post(message: TabMessage): void;
  close(): void;
}

export function openTabChannel(name: string, onMessage: (message: TabMessage) => void): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    onMessage(event.data);
  };
  return {
    post: (message) => {
      channel.postMessage(message);
    },
    close: () => {
      channel.close();
    },
  };
}
