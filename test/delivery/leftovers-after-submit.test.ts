// What an attempt leaves in the browser when the network is lost at "Submit quiz" on Canvas's take
// page: the theme file on Canvas's quiz page, where Canvas sends the student next, delivers it to
// that submission once (docs/canvas-theme.md, "After submitting"). A delivery test, so it also runs
// with the page's CPU slowed.
import { expect } from '@esm-bundle/chai';
import { addFault, clearFaults, createFixture, eventually, serverEvents } from '../helpers/canvas.js';
import {
  count,
  onCanvasPages,
  proctorActive,
  quizPath,
  submissionIdIn,
  takeQuiz,
  typesOf,
} from '../helpers/canvas-pages.js';

describe('leftovers after submitting on Canvas', () => {
  onCanvasPages();

  it('delivers what a lost network left at submit from the quiz page, once, to the right submission', async () => {
    const fixture = await createFixture({ accessCode: null });
    const tab = await takeQuiz(fixture);
    await proctorActive(tab);
    const submissionId = await submissionIdIn(tab);
    const events = `/submissions/${submissionId}/events`;
    await addFault({ method: 'POST', path: events, action: 'reset', times: 1000 });
    await tab.click('.question_text', { button: 'right' });
    await eventually(
      async () =>
        (await tab.eval<{ pending: number }>('QuizProctor.autoProctor().getStats()')).pending > 0
          ? true
          : undefined,
      'the right-click held in the store',
    );
    // Canvas's "Submit quiz": the attempt completes and Canvas sends the student to the quiz page.
    await tab.click('#submit_quiz_button', { navigates: true });
    expect(await tab.eval('location.pathname')).to.equal(quizPath(fixture));
    expect(typesOf(await serverEvents(fixture, submissionId))).to.not.include('context_menu_opened');
    // This attempt's stores in the browser, by their exact name (quiz-proctor:v2:host:course:quiz:submission:attempt).
    const prefix = `quiz-proctor:v2:${location.host}:${fixture.courseId}:${fixture.quizId}:${submissionId}:`;
    const attemptStores = () =>
      tab.eval<number>(
        `indexedDB.databases().then((all) => all.filter((db) => db.name.startsWith(${JSON.stringify(prefix)})).length)`,
      );
    expect(await attemptStores()).to.equal(1);
    await clearFaults();
    const delivered = await eventually(async () => {
      const got = typesOf(await serverEvents(fixture, submissionId));
      return got.includes('context_menu_opened') ? got : undefined;
    }, 'the leftover at the server');
    expect(count(delivered, 'context_menu_opened')).to.equal(1);
    // Its store goes once it is empty, so a later visit has nothing to send again.
    await eventually(
      async () => ((await attemptStores()) === 0 ? true : undefined),
      "the attempt's store deleted",
    );
    await tab.goto(quizPath(fixture));
    expect(count(typesOf(await serverEvents(fixture, submissionId)), 'context_menu_opened')).to.equal(1);
  });
});
