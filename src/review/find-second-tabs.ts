import type { Finding } from './attempt-review.js';
import { groupBy } from './group-by.js';
import { ofType, type ReviewEvent } from './review-event.js';

/** `second_tab`: one per page announced while another page of the attempt was open. */
export function findSecondTabs(events: readonly ReviewEvent[]): Finding[] {
  // Every page open at the time records the newcomer: one finding per newcomer, naming who heard it.
  const heardBy = groupBy(ofType(events, 'second_tab_opened'), (event) => event.data.tab_id);
  return [...heardBy].map(([newcomer, heard]) => {
    const first = heard.reduce((a, b) => ((b.atMs ?? Infinity) < (a.atMs ?? Infinity) ? b : a));
    const hearers = [...new Set(heard.map((event) => String(event.tab)))];
    return {
      code: 'second_tab',
      severity: 'notice',
      at: first.at,
      receivedAt: first.receivedAt,
      detail: `Another page of this attempt (tab ${newcomer}) started while ${hearers.length === 1 ? 'tab' : 'tabs'} ${hearers.join(', ')} ${hearers.length === 1 ? 'was' : 'were'} open: a duplicated tab or a second window.`,
    };
  });
}
