import { expect } from '@esm-bundle/chai';
import { CanvasApiError } from '../../src/canvas/core/canvas-api-error.js';
import { isCanvasApiError } from '../../src/canvas/core/is-canvas-api-error.js';
import {
  ConfigError,
  isConfigError,
  isProctorError,
  isTransportError,
  ProctorError,
  SessionError,
  TransportError,
} from '../../src/index.js';

type ErrorClass = new (...args: never[]) => Error;

/** The SDK's error classes as another realm has them: an iframe that loaded its own copy of the IIFE. */
async function otherRealm(): Promise<{ api: Record<string, ErrorClass>; Error: ErrorConstructor }> {
  const frame = document.createElement('iframe');
  frame.srcdoc = '<!doctype html><script src="/dist/quiz-proctor.iife.min.js"></script>';
  const loaded = new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
  });
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as unknown as {
    QuizProctor: Record<string, ErrorClass>;
    Error: ErrorConstructor;
  };
  return { api: win.QuizProctor, Error: win.Error };
}

describe('the error guards', () => {
  afterEach(() => {
    for (const frame of document.querySelectorAll('iframe')) frame.remove();
  });

  it("accept the SDK's own errors", () => {
    for (const error of [
      new ProctorError('stopped'),
      new ConfigError('courseId', 'is bad'),
      new TransportError('network_failed', { retryable: true }),
      new SessionError('quiz_locked'),
    ])
      expect(isProctorError(error), error.name).to.equal(true);
    expect(isConfigError(new ConfigError('courseId', 'is bad'))).to.equal(true);
    expect(isTransportError(new TransportError('http_error', { retryable: false }))).to.equal(true);
  });

  it("refuse other errors that have a code and a name ending in Error (a DOMException, another library's, the Canvas client's)", () => {
    const quota = new DOMException('over quota', 'QuotaExceededError');
    const library = Object.assign(new Error('nope'), { name: 'HTTPError', code: 'ERR_HTTP' });
    const canvas = new CanvasApiError({ status: 404, canvasMessage: 'x', body: '', method: 'GET', url: '/' });
    for (const error of [quota, library, canvas]) expect(isProctorError(error), error.name).to.equal(false);
    expect(isProctorError(Object.assign(new Error('x'), { name: 'ProctorError', code: 'made_up' }))).to.equal(
      false,
    );
    expect(isConfigError(quota)).to.equal(false);
    expect(isTransportError(library)).to.equal(false);
  });

  it("accept another realm's copies by exact name and a known code, and nothing else from there", async () => {
    const realm = await otherRealm();
    const { ProctorError: FrameProctorError, TransportError: FrameTransportError } = realm.api as unknown as {
      ProctorError: typeof ProctorError;
      TransportError: typeof TransportError;
    };
    const FrameConfigError = realm.api.ConfigError as unknown as typeof ConfigError;
    expect(new FrameProctorError('stopped')).not.to.be.instanceOf(ProctorError);
    expect(isProctorError(new FrameProctorError('stopped'))).to.equal(true);
    expect(isConfigError(new FrameConfigError('quizId', 'is bad'))).to.equal(true);
    expect(isTransportError(new FrameTransportError('http_error', { retryable: false }))).to.equal(true);
    const forged = Object.assign(new realm.Error('x'), { name: 'TransportError', code: 'nonsense' });
    expect(isProctorError(forged)).to.equal(false);
    expect(isTransportError(forged)).to.equal(false);
  });

  it("the Canvas client's guard accepts another realm's CanvasApiError, and no look-alike", async () => {
    const realm = await otherRealm();
    const FrameCanvasApiError = realm.api.CanvasApiError as unknown as typeof CanvasApiError;
    const init = { status: 403, canvasMessage: 'no', body: '', method: 'GET', url: '/' };
    expect(new FrameCanvasApiError(init)).not.to.be.instanceOf(Error);
    expect(isCanvasApiError(new FrameCanvasApiError(init))).to.equal(true);
    expect(isCanvasApiError(new CanvasApiError(init))).to.equal(true);
    const lookAlike = Object.assign(new Error('x'), { name: 'CanvasApiError', code: 'made_up' });
    expect(isCanvasApiError(lookAlike)).to.equal(false);
  });
});
