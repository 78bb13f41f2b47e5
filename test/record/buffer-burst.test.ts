import { asyncScheduler } from 'rxjs';
import { bufferBurst } from '../../src/record/buffer-burst.js';
import { testScheduler } from '../helpers/test-scheduler.js';

describe('bufferBurst (virtual time)', () => {
  it('groups values arriving within the window after the first, and flushes on completion', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a-b 7ms c 20ms d|');
      expectObservable(source.pipe(bufferBurst(5, asyncScheduler))).toBe('5ms x 9ms y 16ms (z|)', {
        x: ['a', 'b'],
        y: ['c'],
        z: ['d'],
      });
    });
  });

  it('schedules nothing while no value arrives', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('100ms |').pipe(bufferBurst(5, asyncScheduler))).toBe('100ms |');
    });
  });
});

describe('bufferBurst size cap (virtual time)', () => {
  it('emits a burst as soon as it reaches maxSize', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('abc|').pipe(bufferBurst(5, asyncScheduler, undefined, 2))).toBe('-x-(y|)', {
        x: ['a', 'b'],
        y: ['c'],
      });
    });
  });
});
