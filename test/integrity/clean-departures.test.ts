// A clean attempt as a real student takes it: real departures (another tab brought to the front, so
// the quiz's page gets the browser's own blur and focus), a reload, an offline stretch, then the
// quiz completed. The review must raise no alert, and its away time must be the truth as the test
// measured it from outside the page.
import { expect } from '@esm-bundle/chai';
import { createFixture, eventually, serverEvents, startSubmission } from '../helpers/canvas.js';
import { alerts, proctorOptions, review } from '../helpers/review-attempt.js';
import {
  callTab,
  closeAllTabs,
  frontTab,
  openOtherTab,
  openTab,
  reloadTab,
  tabNetwork,
} from '../helpers/tabs.js';

/** The span the page can have been away, from timestamps taken before and after each command. */
interface Truth {
  min: number;
  max: number;
}

describe('a clean attempt with departures, a reload and an offline stretch', () => {
  afterEach(closeAllTabs);

  it('has no alert, and awayMs within 1 s of the departures measured from outside', async function () {
    this.timeout(this.timeout() + 30_000);
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    // As on Canvas's take page, where Canvas's logger sends its own types: focus is recorded as ours
    // (window_blurred/window_focused), whose away_ms the page measures and the review sums.
    const quiz = await openTab(proctorOptions(fixture, submission, { canvasTypes: 'never' }));
    const elsewhere = await openOtherTab();
    await frontTab(quiz);
    await callTab(quiz, 'start');
    const focusedAtServer = async (count: number) =>
      eventually(
        async () => {
          await callTab(quiz, 'flush');
          const events = await serverEvents(fixture, submission.id);
          return events.filter((event) => event.event_type === 'window_focused').length >= count
            ? true
            : undefined;
        },
        `window_focused ${String(count)} at the server`,
      );
    // The page blurs somewhere inside the first command and gets the focus back inside the second:
    // its true time away lies between the two commands' inner and outer spans.
    const away = async (ms: number): Promise<Truth> => {
      const leaving = performance.now();
      await frontTab(elsewhere);
      const left = performance.now();
      // The departure itself: a span of time the test measures, not a wait for a condition.
      await new Promise((resolve) => setTimeout(resolve, ms));
      const returning = performance.now();
      await frontTab(quiz);
      const returned = performance.now();
      return { min: returning - left, max: returned - leaving };
    };
    const truths: Truth[] = [];
    // A long look elsewhere, then a short one soon after (within the 5 s focus throttle).
    truths.push(await away(6000));
    await focusedAtServer(1);
    truths.push(await away(2000));
    await focusedAtServer(2);
    await callTab(quiz, 'record', 'answer_saved', { question: 1 });
    await reloadTab(quiz);
    await callTab(quiz, 'start');
    truths.push(await away(3000));
    await focusedAtServer(3);
    // The connection drops for a few seconds while the student answers.
    const cutting = performance.now();
    await tabNetwork(quiz, { offline: true, urlPattern: '*://*:*/api/*' });
    const cut = performance.now();
    await callTab(quiz, 'record', 'answer_saved', { question: 2 });
    expect(await callTab(quiz, 'flush')).to.not.equal('ok');
    // The stretch itself, measured as the departures are.
    await new Promise((resolve) => setTimeout(resolve, 3000 - (performance.now() - cut)));
    const restoring = performance.now();
    await tabNetwork(quiz, {});
    const restored = performance.now();
    const offline: Truth = { min: restoring - cut, max: restored - cutting };
    await eventually(
      async () => ((await callTab(quiz, 'flush')) === 'ok' ? true : undefined),
      'a flush once back online',
    );
    const completed = await callTab<{ unsentEvents: number; state: string }>(quiz, 'complete');
    expect(completed.unsentEvents).to.equal(0);
    const result = await review(fixture, submission.id);
    expect(alerts(result)).to.deep.equal([]);
    expect(result.summary.pageLoads).to.equal(2);
    expect(result.summary.departures).to.equal(3);
    expect(result.summary.unmeasuredDepartures).to.equal(0);
    const min = truths.reduce((sum, truth) => sum + truth.min, 0);
    const max = truths.reduce((sum, truth) => sum + truth.max, 0);
    expect(result.summary.awayMs).to.be.within(min - 1000, max + 1000);
    expect(result.summary.offlineMs).to.be.within(offline.min - 1000, offline.max + 1000);
  });
});
