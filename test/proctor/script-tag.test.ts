import { expect } from '@esm-bundle/chai';
import { createFixture, eventually, serverEvents, startSubmission } from '../helpers/canvas.js';

/** A quiz page whose only SDK code is one script tag (an iframe on this origin, so cookies and API match). */
declare global {
  interface Window {
    frameErrors: string[];
  }
}

/** The frame's console.error calls, gathered here: they are how the SDK reports a bad tag. */
const CATCH_ERRORS =
  '<script>console.error = (...args) => parent.frameErrors.push(args.map(String).join(" "));</script>';

function pageWithScriptTag(attributes: Record<string, string>, before = CATCH_ERRORS): HTMLIFrameElement {
  const attrs = Object.entries(attributes)
    .map(([name, value]) => `${name}="${value.replace(/"/g, '&quot;')}"`)
    .join(' ');
  const frame = document.createElement('iframe');
  frame.srcdoc = `<!doctype html><body>${before}
    <div id="questions"><div class="question" id="question_7"><a class="flag_question" href="#">Flag</a></div></div>
    <script src="/dist/quiz-proctor.iife.min.js" ${attrs}></script></body>`;
  document.body.append(frame);
  return frame;
}

describe('script-tag embedding', () => {
  beforeEach(() => {
    window.frameErrors = [];
  });
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it("starts itself from data attributes and its events reach the server; Canvas's qla_events is left alone", async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    localStorage.setItem(
      'qla_events',
      '[{"event_type":"page_blurred","client_timestamp":"2026-01-01T00:00:00.000Z"}]',
    );
    // The page logs in as the student the way Canvas does: a cookie session.
    const login = await fetch('/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: fixture.student.token }),
    });
    expect(login.status).to.equal(200);
    const frame = pageWithScriptTag({
      'data-course-id': fixture.courseId,
      'data-quiz-id': fixture.quizId,
      'data-submission-id': submission.id,
      'data-attempt': String(submission.attempt),
      'data-validation-token': submission.validationToken,
      'data-access-code': 'letmein',
      'data-capture-shortcuts': 'false',
    });
    const started = await eventually(async () => {
      const events = await serverEvents(fixture, submission.id);
      return events.some((e) => e.event_type === 'session_started') ? events : undefined;
    }, 'session_started from the script-tag page');
    expect(window.frameErrors).to.deep.equal([]);
    expect(started.find((e) => e.event_type === 'session_started')?.event_data).to.have.property(
      'user_agent',
    );
    const api = (
      frame.contentWindow as unknown as { QuizProctor: { autoProctor: () => { state: string } | undefined } }
    ).QuizProctor;
    expect(api.autoProctor()?.state).to.equal('active');
    expect(localStorage.getItem('qla_events')).to.equal(
      '[{"event_type":"page_blurred","client_timestamp":"2026-01-01T00:00:00.000Z"}]',
    );
    await fetch('/login', { method: 'DELETE' });
  });

  it('does nothing without data attributes until the page calls createProctor', async () => {
    const frame = pageWithScriptTag({});
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
    });
    const api = (
      frame.contentWindow as unknown as {
        QuizProctor: { autoProctor: () => unknown; createProctor: unknown };
      }
    ).QuizProctor;
    expect(api.autoProctor()).to.equal(undefined);
    expect(api.createProctor).to.be.a('function');
  });

  it('reports a bad data attribute by name on the console instead of throwing into the page', async () => {
    const frame = pageWithScriptTag({
      'data-course-id': '1',
      'data-quiz-id': '2',
      'data-auto-complete': 'perhaps',
    });
    await new Promise((resolve) => {
      frame.addEventListener('load', resolve, { once: true });
    });
    const win = frame.contentWindow as unknown as { QuizProctor: { autoProctor: () => unknown } };
    expect(win.QuizProctor.autoProctor()).to.equal(undefined);
    expect(window.frameErrors).to.have.length(1);
    expect(window.frameErrors[0]).to.contain('`data-auto-complete` must be a boolean, got "perhaps"');
  });

  // Each bad tag is said once on the console, by the attribute the page author wrote.
  for (const [name, attributes, said] of [
    [
      'takes only true, false or nothing as a flag: an inherited name such as constructor is refused',
      { 'data-capture-clipboard': 'constructor' },
      '`data-capture-clipboard` must be a boolean, got "constructor"',
    ],
    [
      'refuses a misspelt capture switch by its attribute instead of proctoring with the default',
      { 'data-capture-clipbaord': 'false' },
      '`data-capture-clipbaord` is not a capture switch',
    ],
    [
      'reports a value the proctor refuses by its attribute, not by the option it becomes',
      { 'data-flush-interval-ms': '0' },
      '`data-flush-interval-ms` must be a positive integer, got 0',
    ],
    [
      'reports a missing data-attempt by the attribute, not by the option it becomes',
      { 'data-submission-id': '7', 'data-validation-token': 'abc' },
      '`data-attempt` must be a positive integer, got undefined',
    ],
  ] as const) {
    it(name, async () => {
      const frame = pageWithScriptTag({ 'data-course-id': '1', 'data-quiz-id': '2', ...attributes });
      await new Promise((resolve) => {
        frame.addEventListener('load', resolve, { once: true });
      });
      expect(window.frameErrors).to.have.length(1);
      expect(window.frameErrors[0]).to.contain(said);
    });
  }
});
