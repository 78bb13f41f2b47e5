import { expect } from '@esm-bundle/chai';
import {
  CanvasApiError,
  CanvasNetworkError,
  createCanvasClient,
  getQuizSubmission,
  isCanvasApiError,
  isCanvasNetworkError,
  listQuizSubmissions,
  startQuizSubmission,
  submitQuizSubmissionEvents,
  type CanvasAuth,
  type CanvasClient,
} from '../../src/canvas/index.js';
import { canvasMessage } from '../../src/canvas/core/canvas-message.js';
import { nextLink } from '../../src/canvas/core/canvas-list.js';
import { isProctorError } from '../../src/errors/is-proctor-error.js';
import {
  addFault,
  clearFaults,
  clientFor,
  createClientFixture,
  expectCanvasError,
  logIn,
  logOut,
  type ClientFixture,
} from './canvas-client-fixture.js';

describe('canvas client: conventions', () => {
  let fx: ClientFixture;
  beforeEach(async () => {
    fx = await createClientFixture();
  });
  afterEach(async () => {
    await clearFaults();
    await logOut();
  });

  const getSelf = (client: CanvasClient = clientFor(fx.student)) =>
    getQuizSubmission(client, { courseId: fx.courseId, quizId: fx.quizId, id: 'self' });

  describe('cookie session', () => {
    it('starts, reads and posts with the session cookie, CSRF token and while(1); prefix', async () => {
      await logIn(fx.student);
      const client = createCanvasClient();
      const qs = await startQuizSubmission(client, {
        courseId: fx.courseId,
        quizId: fx.quizId,
        accessCode: 'letmein',
      });
      expect(qs.user_id).to.equal(fx.student.id);

      const raw = await fetch(`/api/v1/courses/${fx.courseId}/quizzes/${fx.quizId}/submissions/self`);
      expect(await raw.text()).to.match(/^while\(1\);/);
      const read = await getSelf(client);
      expect(read.id).to.equal(qs.id);

      await submitQuizSubmissionEvents(client, {
        courseId: fx.courseId,
        quizId: fx.quizId,
        id: qs.id,
        events: [{ event_type: 'page_blurred', client_timestamp: new Date().toJSON() }],
      });
    });

    it('fails with a typed error when there is no session', async () => {
      await expectCanvasError(getSelf(createCanvasClient()), 401, 'user authorization required');
    });
  });

  it('reads auth from a function before every request', async () => {
    let auth: CanvasAuth = { type: 'bearer', token: 'not-a-token' };
    const client = createCanvasClient({ auth: () => auth });
    const error = await expectCanvasError(getSelf(client), 401, 'Invalid access token.');
    expect(JSON.parse(error.body)).to.deep.equal({ errors: [{ message: 'Invalid access token.' }] });
    auth = { type: 'bearer', token: fx.student.token };
    await startQuizSubmission(client, { courseId: fx.courseId, quizId: fx.quizId, accessCode: 'letmein' });
    expect((await getSelf(client)).user_id).to.equal(fx.student.id);
  });

  it('asks for number ids by default and string ids on request', async () => {
    await startQuizSubmission(clientFor(fx.student), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      accessCode: 'letmein',
    });
    expect((await getSelf()).id).to.be.a('number');
    const strings = createCanvasClient({
      auth: { type: 'bearer', token: fx.student.token },
      stringIds: true,
    });
    const qs = await getSelf(strings);
    expect(qs.id).to.be.a('string');
    expect(qs.user_id).to.be.a('string');
  });

  it('honours a base URL with a path prefix', async () => {
    const client = createCanvasClient({
      baseUrl: `${location.origin}/`,
      auth: { type: 'bearer', token: fx.student.token },
    });
    await expectCanvasError(getSelf(client), 404);
  });

  describe('every error envelope becomes one CanvasApiError', () => {
    const cases: [string, number, string, unknown, string][] = [
      [
        '{errors:[{message}]}',
        404,
        'application/json',
        { errors: [{ message: 'The specified resource does not exist.' }] },
        'The specified resource does not exist.',
      ],
      [
        '{status,message}',
        403,
        'application/json',
        { status: 'forbidden', message: 'invalid token' },
        'invalid token',
      ],
      [
        '{message}',
        400,
        'application/json',
        { message: 'Invalid submission[submission_type] given' },
        'Invalid submission[submission_type] given',
      ],
      ['{errors:{base}}', 400, 'application/json', { errors: { base: 'Create failed' } }, 'Create failed'],
      [
        '{errors:{field:[{message}]}}',
        400,
        'application/json',
        { errors: { grade: [{ attribute: 'grade', type: 'invalid', message: 'is invalid' }] } },
        'is invalid',
      ],
      [
        'a bare JSON string',
        400,
        'application/json',
        JSON.stringify("'grade_data' parameter required"),
        "'grade_data' parameter required",
      ],
      [
        'plain-text rate limit',
        403,
        'text/plain; charset=utf-8',
        '403 Forbidden (Rate Limit Exceeded)\n',
        '403 Forbidden (Rate Limit Exceeded)',
      ],
      [
        'an HTML 503',
        503,
        'text/html',
        '<html><body><h1>503</h1></body></html>',
        '<html><body><h1>503</h1></body></html>',
      ],
    ];
    for (const [name, status, contentType, body, message] of cases) {
      it(name, async () => {
        await addFault({ path: '/submissions/self', action: 'status', status, contentType, body });
        const error = await expectCanvasError(getSelf(), status, message);
        expect(error).to.be.instanceOf(CanvasApiError);
        expect(isCanvasApiError(error)).to.equal(true);
        // The client's errors are its own (it stands alone as quiz-proctor/canvas), not the proctor's.
        expect(isProctorError(error)).to.equal(false);
        expect(error.body).to.equal(typeof body === 'string' ? body : JSON.stringify(body));
        expect(error.method).to.equal('GET');
        expect(error.url).to.equal(
          `${location.origin}/api/v1/courses/${fx.courseId}/quizzes/${fx.quizId}/submissions/self`,
        );
      });
    }

    it('the rate-limit preset', async () => {
      await addFault({ preset: 'rate-limit', path: '/submissions/self' });
      await expectCanvasError(getSelf(), 403, '403 Forbidden (Rate Limit Exceeded)');
    });
  });

  it('turns a dropped connection into a CanvasNetworkError', async () => {
    // Several: Chrome silently retries a request whose reused keep-alive connection was reset.
    await addFault({ preset: 'reset', path: '/submissions/self', times: 20 });
    let caught: unknown;
    try {
      await getSelf();
    } catch (error) {
      caught = error;
    }
    expect(caught).to.be.instanceOf(CanvasNetworkError);
    expect(isCanvasNetworkError(caught)).to.equal(true);
    expect(isCanvasApiError(caught)).to.equal(false);
    expect((caught as CanvasNetworkError).code).to.equal('network_failed');
  });

  it('stops paginating when next is missing, even if last is present', async () => {
    await startQuizSubmission(clientFor(fx.student), {
      courseId: fx.courseId,
      quizId: fx.quizId,
      accessCode: 'letmein',
    });
    const base = `${location.origin}/api/v1/courses/${fx.courseId}/quizzes/${fx.quizId}/submissions`;
    await addFault({
      path: `/quizzes/${fx.quizId}/submissions`,
      method: 'GET',
      action: 'status',
      status: 200,
      body: { quiz_submissions: [{ id: 1 }] },
      headers: { Link: `<${base}?page=1>; rel="current",<${base}?page=9>; rel="last"` },
    });
    const rows = await listQuizSubmissions(clientFor(fx.teacher), {
      courseId: fx.courseId,
      quizId: fx.quizId,
    }).all();
    expect(rows).to.have.length(1);
  });

  it('parses Link headers and Canvas messages', () => {
    expect(nextLink(null)).to.equal(undefined);
    expect(
      nextLink('<https://x/a?page=1&per_page=2>; rel="current",<https://x/a?page=2&per_page=2>; rel="next"'),
    ).to.equal('https://x/a?page=2&per_page=2');
    expect(nextLink('<https://x/a?page=3>; rel="last"')).to.equal(undefined);
    expect(canvasMessage('while(1);{"errors":[{"message":"a"},{"message":"b"}]}', 'f')).to.deep.equal({
      message: 'a; b',
    });
    expect(canvasMessage('{"status":"unauthorized","errors":[{"message":"nope"}]}', 'f')).to.deep.equal({
      message: 'nope',
      status: 'unauthorized',
    });
    expect(canvasMessage('', 'Bad Gateway')).to.deep.equal({ message: 'Bad Gateway' });
  });

  describe('base URL', () => {
    // A <base href> (or a srcdoc iframe, whose location is about:srcdoc) moves the page's base away
    // from location: relative URLs on the page, and so the client's, resolve against document.baseURI.
    function withBase<T>(href: string, run: () => T): T {
      const base = document.createElement('base');
      base.href = href;
      document.head.prepend(base);
      try {
        return run();
      } finally {
        base.remove();
      }
    }

    it("resolves a relative baseUrl against the page's base URL, and defaults to its origin", () => {
      expect(withBase('/lms/courses/', () => createCanvasClient({ baseUrl: 'canvas' }).baseUrl)).to.equal(
        `${location.origin}/lms/courses/canvas/`,
      );
      expect(withBase('https://canvas.example/courses/1/', () => createCanvasClient().baseUrl)).to.equal(
        'https://canvas.example/',
      );
    });
  });
});
