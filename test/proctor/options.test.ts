import { expect } from '@esm-bundle/chai';
import { ConfigError, createProctor, isConfigError } from '../../src/index.js';

describe('createProctor options', () => {
  const valid = { courseId: 1, quizId: '2' };

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

  it('accepts string and number ids and creates an idle proctor', () => {
    const proctor = createProctor(valid);
    expect(proctor.state).to.equal('idle');
  });
});
