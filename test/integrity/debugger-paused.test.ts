// The page paused in the debugger for 8 s through the DevTools protocol, as a student does from
// DevTools to stop every timer and listener of the page while looking elsewhere: the page records
// page_stalled, and the review gives clock_jump, a notice (a frozen page is no proof of anything).
import { expect } from '@esm-bundle/chai';
import { createFixture, eventually, serverEvents, startSubmission } from '../helpers/canvas.js';
import { inFirefox } from '../helpers/engine.js';
import { alerts, notices, proctorOptions, review } from '../helpers/review-attempt.js';
import { callTab, closeAllTabs, frontTab, openTab, pauseTab } from '../helpers/tabs.js';

const PAUSE_MS = 8000;

describe('the page paused in the debugger', () => {
  afterEach(closeAllTabs);

  it('records page_stalled of 5 s or more, reviewed as clock_jump (a notice, no alert)', async function () {
    // The debugger is driven through CDP, which Firefox does not have.
    if (await inFirefox()) this.skip();
    this.timeout(this.timeout() + PAUSE_MS);
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const tab = await openTab(proctorOptions(fixture, submission));
    // page_stalled is a visible page's: the tab is in front, as the student's quiz is.
    await frontTab(tab);
    await callTab(tab, 'start');
    await callTab(tab, 'record', 'answer_saved', { question: 1 });
    await callTab(tab, 'flush');
    const heldMs = await pauseTab(tab, PAUSE_MS);
    expect(heldMs).to.be.at.least(PAUSE_MS);
    const stalled = await eventually(async () => {
      await callTab(tab, 'flush');
      const found = (await serverEvents(fixture, submission.id)).find(
        (event) => event.event_type === 'page_stalled',
      );
      return found?.event_data as { stalled_ms: number } | undefined;
    }, 'page_stalled at the server');
    // The 2 s sample that came late by the pause, less the part of its period already run.
    expect(stalled.stalled_ms)
      .to.be.at.least(5000)
      .and.at.most(heldMs + 1000);
    const result = await review(fixture, submission.id);
    expect(notices(result)).to.include('clock_jump');
    expect(alerts(result)).to.deep.equal([]);
  });
});
