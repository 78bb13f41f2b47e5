import type { FlushTicket } from '../deliver/create-delivery-engine.js';
import { TransportError } from '../errors/transport-error.js';
import { fromWire, openTabChannel, toWire, type TabMessage } from '../tabs/tab-channel.js';
import type { TabLeader } from '../tabs/tab-leader.js';

export interface TabsConfig {
  /** The attempt's store name: names its lock and its channel. */
  name: string;
  tabId: string;
  electLeader: (lockName: string, onLeader: () => void) => TabLeader;
  /** The leader's flush: waits for this tab's pending writes, then drains as the ticket allows. */
  leaderFlush: (ticket: FlushTicket) => Promise<TransportError | undefined>;
  /** Sends what the store holds (called on the leader only). */
  drain: () => void;
  /** Another page of the attempt started. */
  onHello: (tabId: string) => void;
  /** This tab just became the leader: what to do before it answers flushes and drains. */
  beforeLeading: () => Promise<void>;
}

/** This tab among the attempt's tabs: one leads and sends, the others ask it to. Joining says hello. */
export interface Tabs {
  readonly isLeader: boolean;
  /** Sends now if this tab leads, or asks the leader to. */
  send: () => void;
  /** A follower's flush: the leader's answer, or this tab's own once it leads. */
  flush: (at: number) => Promise<TransportError | undefined>;
  /** Leaves: releases the lead, closes the channel, and answers waiting flushes with `stopped`. */
  leave: () => void;
}

let flushIds = 0;

export function joinTabs(config: TabsConfig): Tabs {
  // This tab's flushes waiting for the leader's answer (or for this tab to become the leader).
  const waiters = new Map<string, { at: number; resolve: (error: TransportError | undefined) => void }>();
  const ask = (id: string, at: number) => {
    channel.post({ type: 'flush', id, at });
  };
  const channel = openTabChannel(config.name, (message: TabMessage) => {
    switch (message.type) {
      case 'wake':
        if (leader.isLeader) config.drain();
        break;
      case 'hello':
        config.onHello(message.tabId);
        break;
      case 'leader':
        // The flushes the old leader took with it are asked of the new one.
        for (const [id, waiter] of waiters) ask(id, waiter.at);
        break;
      case 'flush':
        if (leader.isLeader)
          void config.leaderFlush({ at: message.at }).then((error) => {
            channel.post({ type: 'flushed', id: message.id, error: error && toWire(error) });
          });
        break;
      case 'flushed': {
        const waiter = waiters.get(message.id);
        waiters.delete(message.id);
        waiter?.resolve(message.error && fromWire(message.error));
        break;
      }
    }
  });
  const leader = config.electLeader(`quiz-proctor-lock:${config.name}`, () => {
    // A new leader takes in what the old one rescued as it went, answers its own flushes that waited
    // for the old one, then sends what it finds.
    channel.post({ type: 'leader' });
    void config.beforeLeading().then(() => {
      for (const [id, waiter] of waiters) {
        waiters.delete(id);
        void config.leaderFlush({ at: waiter.at }).then(waiter.resolve);
      }
      config.drain();
    });
  });
  // Another tab of this attempt is evidence too: each tab says hello as it joins, and the tabs
  // already there record the newcomer.
  channel.post({ type: 'hello', tabId: config.tabId });
  return {
    get isLeader() {
      return leader.isLeader;
    },
    send: () => {
      if (leader.isLeader) config.drain();
      else channel.post({ type: 'wake' });
    },
    flush: (at) =>
      new Promise<TransportError | undefined>((resolve) => {
        const id = `${String((flushIds += 1))}:${config.tabId}`;
        waiters.set(id, { at, resolve });
        ask(id, at);
      }),
    leave: () => {
      leader.release();
      channel.close();
      for (const waiter of waiters.values())
        waiter.resolve(new TransportError('stopped', { retryable: false }));
    },
  };
}
