import type { StoredEvent } from '../events/stored-event.js';

/**
 * The last resort for events a page captured but has not seen written when it goes away: IndexedDB
 * cannot commit synchronously, a keepalive can be refused or be offline, but localStorage is written
 * before `pagehide` returns. The next page of the attempt (or another tab of it, told by a `storage`
 * event) puts them back in the store. Events keep their identity (tab, seq, client timestamp), so a
 * rescued event that did arrive after all is only ever an exact copy.
 */
export interface RescueJournal {
  /** Keeps this tab's at-risk events (replacing what it kept before); none clears the entry. */
  save(events: readonly StoredEvent[]): void;
  /** Like save, but only when this tab has an entry (its writes went on after it was saved). */
  refresh(events: readonly StoredEvent[]): void;
  /** Every tab's kept events, removed from the journal as they are handed over. */
  takeAll(): StoredEvent[];
  /** Calls `onRescue` when another tab of the attempt keeps events (it is likely going away). */
  watch(onRescue: () => void): () => void;
}

const PREFIX = 'quiz-proctor:rescue:';

export function createRescueJournal(storeName: string, tab: string, target: Window): RescueJournal {
  const scope = `${PREFIX}${storeName}:`;
  const own = `${scope}${tab}`;
  // A page that may not use localStorage (blocked storage, opaque origin) has the keepalive alone.
  const storage = (): Storage | undefined => {
    try {
      return target.localStorage;
    } catch {
      return undefined;
    }
  };
  let saved = false;
  return {
    save(events) {
      if (!saved && events.length === 0) return;
      try {
        if (events.length === 0) storage()?.removeItem(own);
        else storage()?.setItem(own, JSON.stringify(events));
        saved = events.length > 0;
      } catch {
        // Over quota: the keepalive still carries them.
      }
    },
    refresh(events) {
      if (saved) this.save(events);
    },
    takeAll() {
      const local = storage();
      if (!local) return [];
      const rescued: StoredEvent[] = [];
      try {
        const keys: string[] = [];
        for (let i = 0; i < local.length; i += 1) {
          const key = local.key(i);
          if (key?.startsWith(scope)) keys.push(key);
        }
        for (const key of keys) {
          const events = JSON.parse(local.getItem(key) ?? '[]') as StoredEvent[];
          if (Array.isArray(events)) rescued.push(...events);
          local.removeItem(key);
        }
      } catch {
        // A damaged entry is dropped rather than stopping the attempt.
      }
      if (rescued.length > 0) saved = false;
      return rescued;
    },
    watch(onRescue) {
      const listener = (event: StorageEvent) => {
        if (event.key?.startsWith(scope) && event.newValue !== null) onRescue();
      };
      target.addEventListener('storage', listener);
      return () => {
        target.removeEventListener('storage', listener);
      };
    },
  };
}
