// The ways students silence a quiz log, applied as the public scripts do (a script that runs before
// the SDK), then the server's log read through the typed client and reviewed with analyzeAttempt.
import { expect } from '@esm-bundle/chai';
import { clearFaults, createFixture, startSubmission } from '../helpers/canvas.js';
import { alerts, proctorOptions, review } from '../helpers/review-attempt.js';
import { callTab, closeAllTabs, openTab, reloadTab } from '../helpers/tabs.js';

describe('silencing techniques, reviewed', () => {
  afterEach(async () => {
    await closeAllTabs();
    await clearFaults();
  });

  it('a clean attempt with a reload has heartbeats and no alert', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const tab = await openTab(proctorOptions(fixture, submission));
    await callTab(tab, 'start');
    await callTab(tab, 'record', 'answer_saved', { question: 1 });
    await callTab(tab, 'flush');
    await reloadTab(tab);
    await callTab(tab, 'start');
    await callTab(tab, 'record', 'answer_saved', { question: 2 });
    await callTab(tab, 'flush');
    const result = await review(fixture, submission.id);
    expect(result.summary.pageLoads).to.equal(2);
    expect(alerts(result)).to.deep.equal([]);
  });

  it('a fetch patched to strip events from each batch leaves events_missing', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    // Removes every `answer_saved` from the SDK's batches before they leave, as the public script
    // strips `page_*` events: the request still succeeds, so the page never knows.
    const strip = `(() => {
      const original = window.fetch;
      const without = (text) => {
        const body = JSON.parse(text);
        body.quiz_submission_events = body.quiz_submission_events.filter((e) => e.event_type !== 'answer_saved');
        return JSON.stringify(body);
      };
      window.fetch = async function (input, init) {
        if (input instanceof Request && input.method === 'POST' && input.url.endsWith('/events')) {
          const text = await input.clone().text();
          return original.call(this, new Request(input, { body: without(text) }));
        }
        if (init && typeof init.body === 'string' && init.body.includes('quiz_submission_events'))
          return original.call(this, input, { ...init, body: without(init.body) });
        return original.call(this, input, init);
      };
    })();`;
    const tab = await openTab(proctorOptions(fixture, submission), { preload: strip });
    await callTab(tab, 'start');
    for (let i = 0; i < 3; i += 1) await callTab(tab, 'record', 'answer_saved', { i });
    await callTab(tab, 'flush');
    // The student submits: the heartbeat before complete counts what the page queued. (It goes by
    // the ordinary path; the keepalive of a closing tab was not always delivered in Firefox.)
    const completed = await callTab<{ state: string }>(tab, 'complete');
    expect(['complete', 'pending_review']).to.include(completed.state);
    const result = await review(fixture, submission.id);
    expect(alerts(result)).to.include('events_missing');
    const details = result.findings
      .filter((finding) => finding.code === 'events_missing')
      .map((f) => f.detail);
    expect(details.join('\n')).to.include('3 of 3 answer_saved');
  });
});
