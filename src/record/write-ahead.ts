import type { Observable, Subscription } from 'rxjs';
import { filterValues } from '../util/filter-values.js';
import { mapValues } from '../util/map-values.js';
import { mapInTurn } from '../util/map-in-turn.js';
import type { DeliveryEngine } from '../deliver/create-delivery-engine.js';
import { ProctorError } from '../errors/proctor-error.js';
import type { CapturedEvent } from '../events/captured-event.js';
import type { StoredEvent } from '../events/stored-event.js';
import type { AttemptStore } from './open-attempt-store.js';
import { bufferBurst } from './buffer-burst.js';
import type { LossReports } from './report-losses.js';
import type { RecordDeps } from './attempt-pipeline.js';
import type { WriteProgress } from './write-progress.js';

// Events per store transaction: 500 puts take a few ms, well under a 50 ms long task.
const MAX_WRITE_BURST = 500;

export interface WriteAheadConfig {
  captured$: Observable<CapturedEvent>;
  /** Ends the current burst at once (a page being hidden cannot wait for the window's timer). */
  flushNow$: Observable<void>;
  deps: Pick<RecordDeps, 'scheduler' | 'writeWindowMs'>;
  attempt: AttemptStore;
  engine: DeliveryEngine;
  progress: WriteProgress;
  losses: LossReports;
  report: (error: ProctorError) => void;
  /** A full batch was written since the last one: worth sending before the flush interval. */
  batchEvents: number;
  onBatchReady: () => void;
}

/** Bursts → numbered → written to the attempt's store, before anything is sent. */
export function writeAhead(config: WriteAheadConfig): Subscription {
  const { attempt, engine, progress } = config;
  let writtenSinceSend = 0;
  return config.captured$
    .pipe(
      bufferBurst(config.deps.writeWindowMs, config.deps.scheduler, config.flushNow$, MAX_WRITE_BURST),
      // Numbered synchronously, so a page being hidden can send a burst before its write completes.
      mapValues((burst: CapturedEvent[]) => {
        const numbered = attempt.numbering.number(burst);
        engine.remember(numbered);
        return numbered;
      }),
      mapInTurn(async (events: StoredEvent[]) => {
        try {
          const result = await attempt.store.append(events);
          engine.confirm(events, result.stored);
          // Written after all (the page lives on): keep only what is still at risk.
          attempt.journal.refresh(engine.atRisk());
          if (Object.keys(result.dropped).length > 0) config.losses.dropped(result.dropped);
        } catch (cause) {
          // The events stay unconfirmed: a keepalive when the page is hidden is their last chance.
          config.report(new ProctorError('storage_failed', String(cause), { cause }));
        }
        progress.settled(events.length);
        writtenSinceSend += events.length;
        return writtenSinceSend;
      }),
      filterValues((count: number) => count >= config.batchEvents),
    )
    .subscribe(() => {
      writtenSinceSend = 0;
      config.onBatchReady();
    });
}
