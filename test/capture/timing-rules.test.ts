import { asyncScheduler } from 'rxjs';
import { countViews } from '../../src/capture/count-views.js';
import type { ViewChange } from '../../src/capture/observe-question-visibility.js';
import { throttleBatches } from '../../src/capture/throttle-batches.js';
import { throttleChanges } from '../../src/capture/throttle-changes.js';
import { testScheduler } from '../helpers/test-scheduler.js';

// a: away (blurred), p: present (focused); Canvas's 5 s throttle.
const states = { a: false, p: true };

describe('throttleChanges (virtual time)', () => {
  it('records a change at once (leading edge) and never the initial state', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('p 9ms a', states).pipe(throttleChanges(true, 5000, asyncScheduler))).toBe(
        '10ms a',
        states,
      );
    });
  });

  it('blur twice within 5 s and stay away: the record ends as away', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      // Canvas records blur, focus and drops the second blur: the log says present, the student is away.
      const source = cold('a 999ms p 999ms a', states);
      expectObservable(source.pipe(throttleChanges(true, 5000, asyncScheduler))).toBe(
        'a 999ms p 3999ms a',
        states,
      );
    });
  });

  it('drops a flicker that is over when the window ends', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 999ms p 999ms a 999ms p', states);
      expectObservable(source.pipe(throttleChanges(true, 5000, asyncScheduler))).toBe('a 999ms p', states);
    });
  });

  it('throttles each state on its own, like Canvas: a focus right after a blur is not held back', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 99ms p 5999ms a 99ms p', states);
      expectObservable(source.pipe(throttleChanges(true, 5000, asyncScheduler))).toBe(
        'a 99ms p 5999ms a 99ms p',
        states,
      );
    });
  });

  it('ignores repeats of the recorded state', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('a 9ms a 9ms a', states).pipe(throttleChanges(true, 5000, asyncScheduler))).toBe(
        'a',
        states,
      );
    });
  });

  it('records a held-back change when the source completes (stop), then completes', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 999ms p 999ms a 999ms |', states);
      expectObservable(source.pipe(throttleChanges(true, 5000, asyncScheduler))).toBe(
        'a 999ms p 1999ms (a|)',
        states,
      );
    });
  });
});

describe('throttleBatches (virtual time)', () => {
  it('sends what arrives in one task at once, then at most one batch per window', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('(ab) 10ms c 100ms d 3000ms e');
      expectObservable(source.pipe(throttleBatches(2500, asyncScheduler))).toBe('x 2499ms y 2499ms z', {
        x: ['a', 'b'],
        y: ['c', 'd'],
        z: ['e'],
      });
    });
  });

  it('runs no timer while nothing arrives, and sends at once after a quiet spell', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 9999ms b');
      expectObservable(source.pipe(throttleBatches(2500, asyncScheduler))).toBe('x 9999ms y', {
        x: ['a'],
        y: ['b'],
      });
    });
  });

  it('sends what is pending when the source completes', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold('a 10ms b 10ms |').pipe(throttleBatches(2500, asyncScheduler))).toBe(
        'x 21ms (y|)',
        {
          x: ['a'],
          y: ['b'],
        },
      );
    });
  });
});

describe('countViews (virtual time)', () => {
  const seen = (id: string): ViewChange => ({ id, visible: true });
  const gone = (id: string): ViewChange => ({ id, visible: false });

  it('counts a question as soon as it is viewable, each id once', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      const source = cold('a 10ms b 10ms c', {
        a: [seen('1'), gone('2')],
        b: [gone('1'), seen('1')],
        c: [seen('2')],
      });
      expectObservable(source.pipe(countViews(0, asyncScheduler))).toBe('x 21ms y', { x: '1', y: '2' });
    });
  });

  it('with a dwell, counts only questions that stay viewable that long', () => {
    testScheduler().run(({ cold, expectObservable }) => {
      // 1: seen at 0, gone at 500 (too short), seen again at 600: counted at 1600. 2: seen at 100, counted at 1100.
      const source = cold('a 99ms b 399ms c 99ms d', {
        a: [seen('1')],
        b: [seen('2')],
        c: [gone('1')],
        d: [seen('1')],
      });
      expectObservable(source.pipe(countViews(1000, asyncScheduler))).toBe('1100ms y 499ms x', {
        x: '1',
        y: '2',
      });
    });
  });
});
