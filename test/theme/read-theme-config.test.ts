import { expect } from '@esm-bundle/chai';
import { DEFAULT_REVIEW_SCRIPT_URL, readThemeConfig } from '../../src/theme/read-theme-config.js';

describe("a school's theme settings", () => {
  it('defaults to proctoring every course with the defaults', () => {
    expect(readThemeConfig(undefined)).to.deep.equal({
      enabled: true,
      courses: undefined,
      reviewScriptUrl: DEFAULT_REVIEW_SCRIPT_URL,
      options: {},
    });
    expect(DEFAULT_REVIEW_SCRIPT_URL).to.match(
      /^https:\/\/cdn\.jsdelivr\.net\/npm\/quiz-proctor@\d+\.\d+\.\d+\/dist\/quiz-proctor-review\.iife\.min\.js$/,
    );
  });

  it('takes the review file from where the school hosts it, or no review panel', () => {
    expect(
      readThemeConfig({ reviewScriptUrl: 'https://cdn.school.edu/qp/review.js' }).reviewScriptUrl,
    ).to.equal('https://cdn.school.edu/qp/review.js');
    expect(readThemeConfig({ reviewScriptUrl: false }).reviewScriptUrl).to.equal(false);
    expect(readThemeConfig({ reviewScriptUrl: false }).options).to.deep.equal({});
  });

  it('passes the settings on and reads the courses as ids', () => {
    const read = readThemeConfig({
      courses: [12, '13'],
      canvasTypes: 'always',
      capture: { captureClipboard: false },
      flushIntervalMs: 2000,
    });
    expect(read.courses).to.deep.equal(['12', '13']);
    expect(read.options).to.deep.equal({
      canvasTypes: 'always',
      capture: { captureClipboard: false },
      flushIntervalMs: 2000,
    });
    expect(readThemeConfig({ enabled: false }).enabled).to.equal(false);
  });

  it('names a bad setting as the school wrote it', () => {
    const cases: [unknown, RegExp | string][] = [
      ['yes', /`QUIZ_PROCTOR_CONFIG` must be an object/],
      [{ captureClipboard: false }, /`QUIZ_PROCTOR_CONFIG.captureClipboard` is not a setting/],
      [
        { capture: { captureClipbaord: false } },
        /`QUIZ_PROCTOR_CONFIG.capture.captureClipbaord` is not a setting/,
      ],
      [{ capture: { toString: false } }, /`QUIZ_PROCTOR_CONFIG.capture.toString` is not a setting/],
      [
        { capture: { captureClipboard: 'no' } },
        '`QUIZ_PROCTOR_CONFIG.capture.captureClipboard` must be a boolean, got "no"',
      ],
      [
        { capture: { focusThrottleMs: -1 } },
        '`QUIZ_PROCTOR_CONFIG.capture.focusThrottleMs` must be a number of ms ≥ 0, got -1',
      ],
      [{ courses: 12 }, /`QUIZ_PROCTOR_CONFIG.courses` must be an array of Canvas course ids/],
      [{ courses: ['abc'] }, /`QUIZ_PROCTOR_CONFIG.courses`/],
      [{ canvasTypes: 'sometimes' }, /`QUIZ_PROCTOR_CONFIG.canvasTypes` must be 'auto', 'always' or 'never'/],
      [{ flushIntervalMs: -1 }, /`QUIZ_PROCTOR_CONFIG.flushIntervalMs` must be a positive integer/],
      [{ enabled: 'false' }, '`QUIZ_PROCTOR_CONFIG.enabled` must be a boolean'],
      [{ eventsUrl: '/x' }, /`QUIZ_PROCTOR_CONFIG.eventsUrl` is not a setting/],
      [
        { reviewScriptUrl: 'review.js' },
        /`QUIZ_PROCTOR_CONFIG.reviewScriptUrl` must be an http\(s\) URL or false/,
      ],
      [{ reviewScriptUrl: true }, /`QUIZ_PROCTOR_CONFIG.reviewScriptUrl`/],
    ];
    for (const [config, message] of cases) expect(() => readThemeConfig(config)).to.throw(message);
    // Once: the proctor's own name of the option is not repeated after the school's.
    expect(() => readThemeConfig({ flushIntervalMs: 0 })).to.throw(
      'Invalid option: `QUIZ_PROCTOR_CONFIG.flushIntervalMs` must be a positive integer, got 0',
    );
  });
});
