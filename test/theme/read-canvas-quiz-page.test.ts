import { expect } from '@esm-bundle/chai';
import { canvasLoggerRuns, keepCanvasLoggerOff } from '../../src/canvas-page/canvas-logger.js';
import { parseEventsUrl } from '../../src/canvas-page/parse-events-url.js';
import { readCanvasQuizPage } from '../../src/canvas-page/read-canvas-quiz-page.js';
import { quizClockSkewMs, readQuizTimes } from '../../src/canvas-page/read-quiz-times.js';

const ORIGIN = 'https://canvas.example.edu';
const EVENTS = `${ORIGIN}/api/v1/courses/12/quizzes/34/submissions/56/events`;

// The take page's parts the SDK reads (canvas-pages.md §1.2), in a document of its own.
function takeForm({ attempt = '2', token = 'tok-1', preview = false } = {}): string {
  return `<form id="submit_quiz_form" class="all_questions"><div id="questions" class="assessing">
    <input type="hidden" name="attempt" value="${attempt}">
    ${token === '' ? '' : `<input type="hidden" name="validation_token" value="${token}">`}
    ${preview ? '<input type="hidden" name="preview" value="1">' : ''}
    <div id="quiz_urls" style="display:none"><span class="started_at">2026-12-02T09:00:00Z</span>
      <span class="now">2026-12-02T09:00:10Z</span><span class="end_at">2026-12-02T09:30:00Z</span></div>
  </div></form>`;
}

function pageAt(path: string, env: Record<string, unknown> | undefined, body = ''): Window {
  const doc = document.implementation.createHTMLDocument('page');
  doc.body.innerHTML = body;
  const url = new URL(path, ORIGIN);
  return { ENV: env, location: url, document: doc } as unknown as Window;
}

describe('reading a Canvas quiz page', () => {
  it('reads a take page of a real attempt without an API call', () => {
    const page = readCanvasQuizPage(
      pageAt('/courses/12/quizzes/34/take', { QUIZ_SUBMISSION_EVENTS_URL: EVENTS }, takeForm()),
    );
    expect(page).to.deep.equal({
      kind: 'take',
      courseId: '12',
      quizId: '34',
      submissionId: '56',
      eventsUrl: EVENTS,
      attempt: 2,
      validationToken: 'tok-1',
    });
  });

  it('reads the one-question-at-a-time take page', () => {
    const page = readCanvasQuizPage(
      pageAt('/courses/12/quizzes/34/take/questions/78', { QUIZ_SUBMISSION_EVENTS_URL: EVENTS }, takeForm()),
    );
    expect(page?.kind).to.equal('take');
  });

  it('reads the quiz page after submitting as a place for leftovers', () => {
    expect(
      readCanvasQuizPage(pageAt('/courses/12/quizzes/34', { QUIZ_SUBMISSION_EVENTS_URL: EVENTS })),
    ).to.deep.equal({
      kind: 'quiz',
      courseId: '12',
      quizId: '34',
      submissionId: '56',
      eventsUrl: EVENTS,
    });
  });

  it('leaves every other page alone', () => {
    const pages = [
      pageAt('/courses/12', { COURSE_ID: 12 }),
      pageAt('/courses/12/quizzes/34/submissions/56/log', { events_url: EVENTS }),
      pageAt('/', undefined),
      // Another quiz's URL, another course's, another host's events URL: never sent to.
      pageAt('/courses/12/quizzes/99/take', { QUIZ_SUBMISSION_EVENTS_URL: EVENTS }, takeForm()),
      pageAt(
        '/courses/12/quizzes/34/take',
        {
          QUIZ_SUBMISSION_EVENTS_URL: EVENTS.replace(ORIGIN, 'https://evil.example'),
        },
        takeForm(),
      ),
      pageAt('/courses/12/quizzes/34/edit', { QUIZ_SUBMISSION_EVENTS_URL: EVENTS }),
    ];
    for (const page of pages) expect(readCanvasQuizPage(page)).to.equal(undefined);
  });

  it('leaves a teacher preview alone, by any of its markers', () => {
    const env = { QUIZ_SUBMISSION_EVENTS_URL: EVENTS };
    for (const page of [
      pageAt('/courses/12/quizzes/34/take', { ...env, IS_PREVIEW: true }, takeForm()),
      pageAt('/courses/12/quizzes/34/take?preview=1', env, takeForm()),
      pageAt('/courses/12/quizzes/34/take', env, takeForm({ preview: true })),
    ])
      expect(readCanvasQuizPage(page)).to.equal(undefined);
  });

  it('says why it cannot proctor a take page it cannot read', () => {
    const env = { QUIZ_SUBMISSION_EVENTS_URL: EVENTS };
    expect(
      readCanvasQuizPage(pageAt('/courses/12/quizzes/34/take', env, takeForm({ attempt: '' }))),
    ).to.deep.equal({
      kind: 'unreadable',
      reason: 'the take form has no attempt',
    });
    expect(
      readCanvasQuizPage(pageAt('/courses/12/quizzes/34/take', env, takeForm({ token: '' })))?.kind,
    ).to.equal('unreadable');
  });

  it('parses only an events URL on the page origin', () => {
    expect(parseEventsUrl(EVENTS, ORIGIN)?.submissionId).to.equal('56');
    expect(parseEventsUrl('/api/v1/courses/1/quizzes/2/submissions/3/events', ORIGIN)?.quizId).to.equal('2');
    expect(parseEventsUrl(`${EVENTS}/x`, ORIGIN)).to.equal(undefined);
    expect(parseEventsUrl(42, ORIGIN)).to.equal(undefined);
  });

  it('reads the end from the page each time, on Canvas clock', () => {
    const win = pageAt('/courses/12/quizzes/34/take', {}, takeForm());
    const renderedAt = Date.parse('2026-12-02T09:00:05Z'); // this clock is 5 s behind Canvas's
    const skewMs = quizClockSkewMs(win.document, renderedAt);
    expect(skewMs).to.equal(5000);
    expect(readQuizTimes(win.document, renderedAt, skewMs)).to.deep.equal({
      endAt: '2026-12-02T09:30:00Z',
      secondsLeft: 1790,
    });
    // Canvas's take page rewrites .end_at when a teacher extends the attempt.
    win.document.querySelector('.end_at')!.textContent = '2026-12-02T09:40:00Z';
    expect(readQuizTimes(win.document, renderedAt, skewMs).secondsLeft).to.equal(2390);
    win.document.querySelector('.end_at')!.textContent = '';
    expect(readQuizTimes(win.document, renderedAt, skewMs)).to.deep.equal({ endAt: null, secondsLeft: null });
  });

  it("tells where Canvas's logger runs, and keeps it off by the one key it checks", () => {
    const win = pageAt('/courses/12/quizzes/34/take', { QUIZ_SUBMISSION_EVENTS_URL: EVENTS }, takeForm());
    expect(canvasLoggerRuns(win)).to.equal(true);
    expect(
      canvasLoggerRuns(pageAt('/courses/12/quizzes/34', { QUIZ_SUBMISSION_EVENTS_URL: EVENTS })),
    ).to.equal(false);
    keepCanvasLoggerOff(win);
    expect(canvasLoggerRuns(win)).to.equal(false);
    expect((win as unknown as { ENV: object }).ENV).to.not.have.property('QUIZ_SUBMISSION_EVENTS_URL');
  });
});
