import { ProctorError } from '../errors/proctor-error.js';
import type { CapturedEvent } from '../events/captured-event.js';
import { createResilientStore } from '../store/create-resilient-store.js';
import type { EventStore } from '../store/event-store.js';
import { createNumbering, type Numbering } from '../store/number-events.js';
import { createRescueJournal, type RescueJournal } from '../store/rescue-journal.js';
import { storeName } from '../store/store-name.js';
import type { AttemptPipelineConfig } from './attempt-pipeline.js';

/** The attempt's write-ahead log as this page load sees it. */
export interface AttemptStore {
  /** The store's name, which also names the attempt's lock and tab channel. */
  name: string;
  store: EventStore;
  /** This page load's own numbering: no other tab shares it, so nothing ever renumbers an event. */
  numbering: Numbering;
  /** Where this page keeps what it has not seen written, in case it dies first. */
  journal: RescueJournal;
  /**
   * Takes back into the store what other pages of the attempt rescued as they went away. Restores
   * run one after another, and the returned promise is the one under way (see the caller).
   */
  restoreRescued: () => Promise<void>;
  storage: () => 'indexeddb' | 'memory';
}

export function openAttemptStore(
  config: Pick<AttemptPipelineConfig, 'options' | 'deps' | 'submission'>,
  report: (error: ProctorError) => void,
  record: (event: CapturedEvent) => void,
): AttemptStore {
  const { options, deps, submission } = config;
  const name = storeName({ ...options, submissionId: String(submission.id), attempt: submission.attempt });
  const bounds = { maxEvents: options.maxStoredEvents, maxBytes: options.maxStoredBytes };
  let storage: 'indexeddb' | 'memory' = 'indexeddb';
  const degraded = (reason: string) => {
    record({ type: 'storage_degraded', data: { reason }, capturedAt: deps.scheduler.now() });
  };
  const store = createResilientStore({
    // The store went on in a new database with what the old one held: recorded as a degradation
    // with its reason, since a script deleting the store is what silencing the log looks like.
    open: () =>
      deps.openStore(name, bounds, (reason) => {
        report(new ProctorError('storage_reset', reason));
        degraded(reason);
      }),
    bounds,
    scheduler: deps.scheduler,
    opTimeoutMs: deps.storeOpTimeoutMs,
    onDegraded: (reason, cause) => {
      storage = 'memory';
      report(new ProctorError('storage_unavailable', reason, { cause }));
      degraded(reason);
    },
  });
  const numbering = createNumbering(deps.random().toString(36).slice(2, 6));
  const journal = createRescueJournal(name, numbering.tab, deps.target);
  // Writing what the store already holds is a no-op, so two tabs may both restore the same events.
  let restoring = Promise.resolve();
  const restoreRescued = () =>
    (restoring = restoring.then(async () => {
      const rescued = journal.takeAll();
      if (rescued.length > 0)
        await store.restore(rescued).catch((cause: unknown) => {
          report(new ProctorError('storage_failed', String(cause), { cause }));
        });
    }));
  return { name, store, numbering, journal, restoreRescued, storage: () => storage };
}
