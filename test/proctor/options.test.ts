import { expect } from '@esm-bundle/chai';
import { ConfigError, createProctor, isConfigError } from '../../src/index.js';
import { addFault, clearFaults, createFixture, startSubmission } from '../helpers/canvas.js';
import { NO_CAPTURE } from '../helpers/no-capture.js';
import { deliveredThrough, proctorFor } from '../helpers/proctor-for.js';

describe('createProctor options', () => {
  const valid = { courseId: 1, quizId: '2' };
  afterEach(clearFaults);

  for (const [name, options, option] of [
    ['missing courseId', { quizId: 2 }, 'courseId'],
    ['a non-numeric quizId', { courseId: 1, quizId: 'abc' }, 'quizId'],
    ['bearer auth without a token', { ...valid, auth: { type: 'bearer', token: '' } }, 'auth.token'],
    ['an unknown auth type', { ...valid, auth: { type: 'basic' } }, 'auth.type'],
    ['a zero flush interval', { ...valid, flushIntervalMs: 0 }, 'flushIntervalMs'],
    ['a fractional batch size', { ...valid, maxBatchEvents: 1.5 }, 'maxBatchEvents'],
    [
      'a submission without a token',
      { ...valid, submission: { id: 1, attempt: 1, validationToken: '' } },
      'submission.validationToken',
    ],
    ['a malformed base URL', { ...valid, baseUrl: 'http://[' }, 'baseUrl'],
    // A guessed attempt would only fail at completion, after the student's work.
    [
      'a submission without an attempt',
      { ...valid, submission: { id: 1, validationToken: 't' } },
      'submission.attempt',
    ],
    ['a zero Retry-After cap', { ...valid, retryAfterMaxMs: 0 }, 'retryAfterMaxMs'],
    // By its path in the options, as a page author finds it.
    [
      'a negative capture throttle',
      { ...valid, capture: { focusThrottleMs: -1 } },
      'capture.focusThrottleMs',
    ],
    ['a bad question selector', { ...valid, capture: { questionSelector: '[' } }, 'capture.questionSelector'],
    // A value JSON cannot show is still a ConfigError, not a TypeError from the message.
    ['a BigInt course id', { courseId: 10n, quizId: 2 }, 'courseId'],
    [
      'both names of the Retry-After cap',
      { ...valid, retryAfterMaxMs: 1000, maxRetryAfterMs: 1000 },
      'maxRetryAfterMs',
    ],
  ] as const) {
    it(`throws a ConfigError naming the option for ${name}`, () => {
      let thrown: unknown;
      try {
        createProctor(options as never);
      } catch (error) {
        thrown = error;
      }
      expect(isConfigError(thrown)).to.equal(true);
      expect(thrown).to.be.instanceOf(ConfigError);
      expect((thrown as ConfigError).option).to.equal(option);
      expect((thrown as Error).message).to.contain(`\`${option}\``);
    });
  }

  it('says what was expected and shows the bad value', () => {
    for (const [options, message] of [
      [{ ...valid, flushIntervalMs: -1 }, '`flushIntervalMs` must be a positive integer, got -1'],
      [{ courseId: 'abc', quizId: 2 }, '`courseId` must be a Canvas id (digits), got "abc"'],
      [
        { ...valid, capture: { focusThrottleMs: -1 } },
        '`capture.focusThrottleMs` must be a number of ms ≥ 0, got -1',
      ],
      [
        { ...valid, capture: { questionSelector: '[' } },
        '`capture.questionSelector` must be a CSS selector, got "["',
      ],
      // Each capture option is of its default's kind: a switch given as 'no' would be on.
      [
        { ...valid, capture: { captureAnswers: 'no' } },
        '`capture.captureAnswers` must be a boolean, got "no"',
      ],
      [{ ...valid, capture: { readAnswer: 5 } }, '`capture.readAnswer` must be a function, got 5'],
      [
        { ...valid, timeWarningsSec: [60, 0] },
        '`timeWarningsSec` must be an array of positive integers, got [60,0]',
      ],
    ] as const)
      expect(() => createProctor(options as never)).to.throw(message);
  });

  it('accepts string and number ids and creates an idle proctor', () => {
    const proctor = createProctor(valid);
    expect(proctor.state).to.equal('idle');
  });

  it('uses the capture options it validated, even when the caller changes them afterwards', async () => {
    const fixture = await createFixture();
    const submission = await startSubmission(fixture);
    const capture = { ...NO_CAPTURE, questionSelector: '.question' };
    const proctor = proctorFor(fixture, submission, { capture });
    capture.questionSelector = '[';
    await proctor.start();
    expect(proctor.state).to.equal('active');
    await proctor.stop();
  });

  // maxRetryAfterMs is the deprecated name of retryAfterMaxMs: both work for one release.
  for (const name of ['retryAfterMaxMs', 'maxRetryAfterMs'] as const) {
    it(`caps a server's Retry-After at \`${name}\``, async () => {
      const fixture = await createFixture();
      const submission = await startSubmission(fixture);
      const proctor = proctorFor(fixture, submission, { [name]: 50 });
      await proctor.start();
      await addFault({
        path: `/submissions/${submission.id}/events`,
        method: 'POST',
        action: 'status',
        status: 503,
        headers: { 'Retry-After': '3600' },
      });
      const delivered = deliveredThrough(proctor, 1);
      proctor.record('host_event');
      // The first send gets the 503; the retry comes after the cap, not an hour later.
      const refused = await proctor.flush().then(
        () => undefined,
        (error: unknown) => (error as { status?: number }).status,
      );
      expect(refused).to.equal(503);
      await delivered;
      await proctor.stop();
    });
  }
});
