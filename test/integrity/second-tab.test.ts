// The quiz opened in a second tab (a duplicated tab, or the quiz's URL opened again), both started:
// the page already open records the newcomer, and the review gives second_tab, a notice (two tabs
// of one quiz are worth knowing, and no proof of anything).
import { expect } from '@esm-bundle/chai';
import { createFixture, eventually, serverEvents, startSubmission } from '../helpers/canvas.js';
import { alerts, notices, proctorOptions, review } from '../helpers/review-attempt.js';
import { callTab, closeAllTabs, openTab } from '../helpers/tabs.js';

describe('the quiz opened in a second tab', () => {
  afterEach(closeAllTabs);

  it('gives a second_tab notice naming both page loads, and no alert', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const first = await openTab(proctorOptions(fixture, submission));
    await callTab(first, 'start');
    await callTab(first, 'record', 'answer_saved', { question: 1 });
    const second = await openTab(proctorOptions(fixture, submission));
    await callTab(second, 'start');
    await callTab(second, 'record', 'answer_saved', { question: 2 });
    // The first tab hears the second's hello over the tabs' channel, then records it.
    await eventually(async () => {
      for (const tab of [first, second]) await callTab(tab, 'flush');
      const events = await serverEvents(fixture, submission.id);
      return events.some((event) => event.event_type === 'second_tab_opened') ? true : undefined;
    }, 'second_tab_opened at the server');
    const result = await review(fixture, submission.id);
    expect(result.summary.pageLoads).to.equal(2);
    expect(result.summary.secondTabs).to.equal(1);
    expect(notices(result)).to.deep.equal(['second_tab']);
    expect(alerts(result)).to.deep.equal([]);
  });
});
