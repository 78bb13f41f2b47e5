import type { Subscription } from 'rxjs';
import { filterValues } from '../util/filter-values.js';
import { mapValues } from '../util/map-values.js';
import { mergeStreams } from '../util/merge-streams.js';
import { fromDomEvent } from '../util/from-dom-event.js';
import type { DeliveryEngine } from '../deliver/create-delivery-engine.js';
import type { RescueJournal } from '../store/rescue-journal.js';
import type { Tabs } from './join-tabs.js';

export interface PageWatchConfig {
  target: Window;
  engine: DeliveryEngine;
  journal: RescueJournal;
  tabs: Tabs;
  /** Ends the current write burst at once, numbering it synchronously. */
  endBurst: () => void;
  onHidden: (hidden: boolean) => void;
}

/**
 * The page's life as delivery sees it. Hidden is when proctoring evidence matters most, and when
 * timers get throttled: a page going hidden or away sends at once, by keepalive, what it would lose.
 */
export function watchPage(config: PageWatchConfig): Subscription {
  const { target, engine, journal, tabs } = config;
  const doc = target.document;
  const gone = mergeStreams(
    fromDomEvent(doc, 'visibilitychange').pipe(filterValues(() => doc.visibilityState === 'hidden')),
    fromDomEvent(target, 'pagehide'),
  ).subscribe(() => {
    config.onHidden(true);
    // Numbered synchronously by the burst's end, so the keepalive below can carry even the last event.
    config.endBurst();
    const answered = engine.sendOnHide();
    // A keepalive can be refused, or offline; localStorage is written before this returns.
    journal.save(engine.atRisk());
    // A follower wakes the leader for what it wrote, once its own keepalive is answered: woken
    // at once, the leader would send the same events again as soon as their write commits.
    if (!tabs.isLeader)
      void answered.then(() => {
        tabs.send();
      });
  });
  gone.add(
    mergeStreams(
      fromDomEvent(doc, 'visibilitychange').pipe(
        filterValues(() => doc.visibilityState === 'visible'),
        mapValues(() => {
          config.onHidden(false);
        }),
      ),
      fromDomEvent(target, 'online').pipe(
        mapValues(() => {
          engine.retryNow();
        }),
      ),
    ).subscribe(() => {
      tabs.send();
    }),
  );
  return gone;
}
