/**
 * Which tab of an attempt sends. The first tab to get the Web Lock holds it for its lifetime; the
 * browser hands it to a waiting tab when the holder stops or closes, even mid-send. Without Web
 * Locks every tab leads (and may send an event twice): better twice than never.
 */
export interface TabLeader {
  readonly isLeader: boolean;
  release(): void;
}

export function electLeader(lockName: string, onLeader: () => void): TabLeader {
  let isLeader = false;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const waiting = new AbortController();
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks === undefined) {
    isLeader = true;
    queueMicrotask(onLeader);
  } else {
    locks
      .request(lockName, { signal: waiting.signal }, () => {
        isLeader = true;
        onLeader();
        return held;
      })
      // An aborted wait (stop() before this tab led) rejects; nothing to report.
      .catch(() => undefined);
  }
  return {
    get isLeader() {
      return isLeader;
    },
    release: () => {
      isLeader = false;
      waiting.abort();
      release();
    },
  };
}
