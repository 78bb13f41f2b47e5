// The theme file on Canvas's own pages, as a school deploys it: the emulator renders Canvas's markup
// and ENV (canvas-pages.md) with its Theme Editor tag last, loading the built IIFE from another
// origin with no attributes, beside a script that behaves like Canvas's own logger (jQuery's XHR,
// `X-Requested-With: XMLHttpRequest`, the five types, localStorage `qla_events`).
import { expect } from '@esm-bundle/chai';
import { createFixture, eventually, serverEvents, startSubmission } from '../helpers/canvas.js';
import {
  count,
  eventsPosts,
  onCanvasPages,
  openPageAs,
  proctorActive,
  quizPath,
  submissionIdIn,
  takeQuiz,
  themeFileUrl,
  typesOf,
  useThemeFile,
  type PageTab,
} from '../helpers/canvas-pages.js';

const CANVAS_TYPES = [
  'session_started',
  'page_blurred',
  'page_focused',
  'question_viewed',
  'question_flagged',
];

// Nothing the SDK's file did on the page: no listener, no database, no request.
async function expectUntouched(tab: PageTab): Promise<void> {
  expect(await tab.probe()).to.deep.equal({ listeners: [], databases: [], requests: [] });
}

const sdkErrors = async (tab: PageTab) =>
  (await tab.console()).filter((line) => line.type === 'error' || line.type === 'pageerror');

describe('the theme file on Canvas pages', () => {
  onCanvasPages();

  it("proctors a take page by itself, sending our types beside Canvas's logger and none of Canvas's five", async () => {
    const fixture = await createFixture({ accessCode: null });
    const tab = await takeQuiz(fixture);
    expect(await tab.eval('location.pathname')).to.match(/\/take$/);
    await proctorActive(tab);
    const submissionId = await submissionIdIn(tab);
    expect(await tab.eval('QuizProctor.autoProctor().submission')).to.deep.include({
      id: submissionId,
      attempt: 1,
    });
    // Canvas's logger records the flag; we record the right-click.
    await tab.click('.flag_question');
    await tab.click('.question_text', { button: 'right' });
    const types = await eventually(async () => {
      const got = typesOf(await serverEvents(fixture, submissionId));
      return got.includes('context_menu_opened') && got.includes('question_flagged') ? got : undefined;
    }, "our context menu and Canvas's flag at the server");
    expect(count(types, 'session_started'), 'session_started once, from Canvas').to.equal(1);
    expect(count(types, 'question_flagged'), 'the flag once, from Canvas').to.equal(1);
    const posts = await eventsPosts(submissionId);
    const canvas = posts.filter((post) => post.requestedWith === 'XMLHttpRequest');
    const ours = posts.filter((post) => post.requestedWith === null);
    expect(canvas.length, "Canvas's logger posted").to.be.greaterThan(0);
    expect(ours.length, 'the SDK posted').to.be.greaterThan(0);
    for (const post of canvas) for (const type of post.eventTypes) expect(CANVAS_TYPES).to.include(type);
    for (const post of ours) for (const type of post.eventTypes) expect(CANVAS_TYPES).to.not.include(type);
    expect(ours.flatMap((post) => post.eventTypes)).to.include('context_menu_opened');
    expect(await sdkErrors(tab)).to.deep.equal([]);
  });

  it('reads the time left from the page, following Canvas when it extends the attempt, with no API call', async () => {
    const fixture = await createFixture({ accessCode: null, timeLimitMinutes: 30 });
    const tab = await takeQuiz(fixture);
    await proctorActive(tab);
    const submissionId = await submissionIdIn(tab);
    const shown = await tab.eval<string>("document.querySelector('#quiz_urls .end_at').textContent.trim()");
    const first = await tab.eval<{ endAt: string; secondsLeft: number }>(
      'QuizProctor.autoProctor().timeLeft()',
    );
    expect(first.endAt).to.equal(shown);
    expect(first.secondsLeft).to.be.within(25 * 60, 30 * 60);
    // A teacher's extension: Canvas's take page rewrites .end_at after its next backup.
    const later = new Date(Date.parse(shown) + 10 * 60_000).toISOString();
    await tab.eval(`document.querySelector('#quiz_urls .end_at').textContent = ${JSON.stringify(later)}`);
    const extended = await tab.eval<{ endAt: string; secondsLeft: number }>(
      'QuizProctor.autoProctor().timeLeft()',
    );
    expect(extended.endAt).to.equal(later);
    expect(extended.secondsLeft - first.secondsLeft).to.be.within(590, 610);
    const response = await fetch(
      `/__control/requests?path=${encodeURIComponent(`/submissions/${submissionId}/time`)}`,
    );
    expect(((await response.json()) as { requests: unknown[] }).requests).to.deep.equal([]);
  });

  it('follows one question at a time across page loads of the same attempt', async () => {
    const fixture = await createFixture({ accessCode: null, oneQuestionAtATime: true });
    const tab = await takeQuiz(fixture);
    await proctorActive(tab);
    const submissionId = await submissionIdIn(tab);
    await tab.click('.question_text', { button: 'right' });
    const first = await tab.eval<string>('location.pathname');
    await tab.click('.next-question', { navigates: true });
    expect(await tab.eval<string>('location.pathname')).to.not.equal(first);
    await proctorActive(tab);
    expect(await tab.eval('QuizProctor.autoProctor().submission.attempt')).to.equal(1);
    await tab.click('.question_text', { button: 'right' });
    // A page going away sends its last events by keepalive and leaves them in the store for the
    // next page too (it cannot know they arrived): copies are exact, so they count once.
    const rightClicks = (events: { event_type: string; event_data?: unknown }[]) =>
      new Set(
        events
          .filter((event) => event.event_type === 'context_menu_opened')
          .map((event) => {
            const { tab, seq } = event.event_data as { tab: string; seq: number };
            return `${tab}:${String(seq)}`;
          }),
      );
    const events = await eventually(async () => {
      const got = await serverEvents(fixture, submissionId);
      return rightClicks(got).size === 2 ? got : undefined;
    }, 'a right-click from each question page');
    const tabs = new Set([...rightClicks(events)].map((key) => key.split(':')[0]));
    expect(tabs.size, 'one page load each').to.equal(2);
    expect(count(typesOf(events), 'session_started'), "Canvas's, once: not on a question page").to.equal(1);
  });

  it('leaves a teacher preview alone', async () => {
    const fixture = await createFixture({ accessCode: null });
    const tab = await openPageAs(fixture.teacher.id, quizPath(fixture), { probe: true });
    await tab.click('#preview_quiz_button', { navigates: true });
    expect(await tab.eval('ENV.IS_PREVIEW')).to.equal(true);
    await expectUntouched(tab);
    expect(await tab.eval('QuizProctor.autoProctor() ?? null')).to.equal(null);
  });

  it("leaves every other page alone: a course's home, the teacher's log without a review panel, the quiz page with nothing left", async () => {
    const fixture = await createFixture({ accessCode: null });
    const submission = await startSubmission(fixture);
    const home = await openPageAs(fixture.student.id, `/courses/${fixture.courseId}`, { probe: true });
    await expectUntouched(home);
    // The log page gets the review panel unless the school turned it off.
    await useThemeFile(themeFileUrl({ reviewScriptUrl: false }));
    const log = await openPageAs(
      fixture.teacher.id,
      `${quizPath(fixture)}/submissions/${submission.id}/log`,
      { probe: true },
    );
    expect(await log.eval('typeof ENV.events_url')).to.equal('string');
    await expectUntouched(log);
    expect(await log.eval('document.querySelector("[data-quiz-proctor-review]") === null')).to.equal(true);
    await useThemeFile(themeFileUrl());
    // The quiz page of a student with a submission lists its stores (none) and stops: no request.
    const quiz = await openPageAs(fixture.student.id, quizPath(fixture), { probe: true });
    await eventually(
      async () => ((await quiz.probe()).databases.length > 0 ? true : undefined),
      'the look for leftovers',
    );
    const seen = await quiz.probe();
    expect(seen.databases).to.deep.equal(['list']);
    expect(seen.requests).to.deep.equal([]);
  });

  it("with canvasTypes 'always', sends Canvas's types itself and keeps Canvas's logger from starting", async () => {
    await useThemeFile(themeFileUrl({ canvasTypes: 'always' }));
    const fixture = await createFixture({ accessCode: null });
    const tab = await takeQuiz(fixture);
    await proctorActive(tab);
    // The events URL is gone from ENV: that is how Canvas's logger is kept off.
    expect(await tab.eval('ENV.QUIZ_SUBMISSION_EVENTS_URL ?? null')).to.equal(null);
    const submissionId = await tab.eval<string>('QuizProctor.autoProctor().submission.id');
    await tab.click('.flag_question');
    const types = await eventually(async () => {
      const got = typesOf(await serverEvents(fixture, submissionId));
      return got.includes('question_flagged') ? got : undefined;
    }, 'our flag at the server');
    expect(count(types, 'session_started')).to.equal(1);
    expect(count(types, 'question_flagged')).to.equal(1);
    const posts = await eventsPosts(submissionId);
    expect(
      posts.filter((post) => post.requestedWith !== null),
      "no post from Canvas's logger",
    ).to.deep.equal([]);
    // Canvas's logger writes its buffer as it starts: it never did.
    expect(await tab.eval("localStorage.getItem('qla_events')")).to.equal(null);
  });

  it('says once which setting is wrong, proctors nothing, and leaves the page working', async () => {
    await useThemeFile(themeFileUrl({ capture: { captureClipbaord: false } }));
    const fixture = await createFixture({ accessCode: null });
    const tab = await takeQuiz(fixture, { probe: true });
    const submissionId = await submissionIdIn(tab);
    // Canvas's own logger still works on the page.
    await eventually(
      async () =>
        typesOf(await serverEvents(fixture, submissionId)).includes('session_started') ? true : undefined,
      "Canvas's session_started",
    );
    const said = (await tab.console()).filter((line) => line.text.includes('[quiz-proctor]'));
    expect(said.length).to.equal(1);
    expect(said[0]!.text).to.include('`QUIZ_PROCTOR_CONFIG.capture.captureClipbaord` is not a setting');
    expect(await tab.eval('QuizProctor.autoProctor() ?? null')).to.equal(null);
    expect((await tab.probe()).requests).to.deep.equal([]);
    expect((await eventsPosts(submissionId)).filter((post) => post.requestedWith === null)).to.deep.equal([]);
  });

  it('proctors only the courses a school lists', async () => {
    const fixture = await createFixture({ accessCode: null });
    await useThemeFile(themeFileUrl({ courses: [Number(fixture.courseId) + 1000] }));
    const tab = await takeQuiz(fixture, { probe: true });
    const submissionId = await submissionIdIn(tab);
    await eventually(
      async () => ((await eventsPosts(submissionId)).length > 0 ? true : undefined),
      "Canvas's logger's first post",
    );
    expect(await tab.eval('QuizProctor.autoProctor() ?? null')).to.equal(null);
    const probe = await tab.probe();
    expect(probe.requests).to.deep.equal([]);
    expect(probe.databases).to.deep.equal([]);
  });
});
