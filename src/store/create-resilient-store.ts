import type { SchedulerLike } from 'rxjs';
import { createMemoryEventStore } from './create-memory-event-store.js';
import type { EventStore, StoreBounds } from './event-store.js';

export interface ResilientStoreConfig {
  open: () => EventStore;
  bounds: StoreBounds;
  scheduler: SchedulerLike;
  /** An operation that takes longer has failed (Safari's first IndexedDB open can hang forever). */
  opTimeoutMs: number;
  /** Called once, when the store falls back to memory. */
  onDegraded: (reason: string, cause: unknown) => void;
}

const TIMED_OUT = new Error('store operation timed out');

type Operation = (...args: unknown[]) => Promise<unknown>;
// Typed as a record of every EventStore key, so an operation added to the interface cannot be missed here.
const OPERATIONS: Record<keyof EventStore, 0> = {
  append: 0,
  restore: 0,
  peek: 0,
  ack: 0,
  deadLetter: 0,
  count: 0,
  getValue: 0,
  setValue: 0,
  destroy: 0,
};

function reasonOf(cause: unknown): string {
  if (cause === TIMED_OUT) return 'timeout';
  const name = cause instanceof Error || cause instanceof DOMException ? cause.name : '';
  if (name === 'QuotaExceededError') return 'quota_exceeded';
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'connection_lost';
  // No IndexedDB at all, or one the page may not use (opaque origins, blocked third-party storage).
  if (typeof indexedDB === 'undefined' || name === 'ReferenceError' || name === 'SecurityError')
    return 'unavailable';
  return name === '' ? 'failed' : name;
}

/**
 * Wraps the IndexedDB store so storage trouble never stops capture: a failing operation reopens the
 * store once and retries; if that fails too, the attempt continues in memory and says so.
 */
export function createResilientStore(config: ResilientStoreConfig): EventStore {
  let current: EventStore | undefined;
  let reopened = false;
  let degraded = false;
  // Only the opening is timed: a first IndexedDB open can hang forever (Safari), while a slow write
  // on a busy machine is just slow, and timing it out would make a retry write it twice.
  let opened = false;

  // Hand-written: rxjs's timeout() made the page IIFE 172 B gzip larger (29 983 → 30 155 B, measured).
  const withTimeout = <T>(work: Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = config.scheduler.schedule(() => {
        reject(TIMED_OUT);
      }, config.opTimeoutMs);
      // The cause goes on as it is, as on the untimed path: an aborted transaction's null is 'failed'.
      work.then(resolve, reject).finally(() => {
        timer.unsubscribe();
      });
    });

  const primary = (): EventStore => {
    current ??= config.open();
    return current;
  };

  const degrade = (cause: unknown) => {
    if (degraded) return;
    degraded = true;
    current = createMemoryEventStore(config.bounds);
    config.onDegraded(reasonOf(cause), cause);
  };

  async function run<T>(op: (store: EventStore) => Promise<T>): Promise<T> {
    if (degraded) return op(primary());
    let used: EventStore | undefined;
    try {
      used = primary();
      const result = opened ? await op(used) : await withTimeout(op(used));
      opened = true;
      return result;
    } catch (first) {
      // Operations in flight when a connection breaks fail one after another. Once the first has
      // reopened, the others' failures are the old connection's: they retry on the new one rather
      // than count as its failure, which would leave what the retries wrote stranded in IndexedDB
      // (unsent by this page, and deleted with the store at completion) while the rest went on in memory.
      const stale = used !== undefined && current !== undefined && used !== current;
      if (!reopened || stale) {
        if (!stale) {
          reopened = true;
          current = undefined;
        }
        try {
          const result = await withTimeout(op(primary()));
          opened = true;
          return result;
        } catch (second) {
          degrade(second);
        }
      } else {
        degrade(first);
      }
      return op(primary());
    }
  }

  // Every operation goes through run() to whichever store is current, under the same name.
  const forwarded = Object.keys(OPERATIONS).map((name) => [
    name,
    (...args: unknown[]) => run((store) => (store[name as keyof EventStore] as Operation)(...args)),
  ]);
  return Object.fromEntries(forwarded) as EventStore;
}
