import { expect } from '@esm-bundle/chai';
import { Subject, VirtualTimeScheduler } from 'rxjs';
import { afterPageHandlers } from '../../src/capture/after-page-handlers.js';

describe('afterPageHandlers (virtual time)', () => {
  it('passes values on one task later, in order, with one scheduled task per burst', () => {
    const scheduler = new VirtualTimeScheduler();
    const source = new Subject<string>();
    const seen: string[] = [];
    const schedule = scheduler.schedule.bind(scheduler);
    let scheduled = 0;
    scheduler.schedule = ((...args: Parameters<typeof schedule>) => {
      scheduled += 1;
      return schedule(...args);
    }) as typeof scheduler.schedule;
    source.pipe(afterPageHandlers(scheduler)).subscribe((value) => seen.push(value));
    source.next('a');
    source.next('b');
    // Nothing yet: the page's own handlers for the event have not run.
    expect(seen).to.deep.equal([]);
    scheduler.flush();
    expect(seen).to.deep.equal(['a', 'b']);
    expect(scheduled).to.equal(1);
    source.next('c');
    source.complete();
    expect(seen).to.deep.equal(['a', 'b', 'c']);
  });
});
