import { expect } from '@esm-bundle/chai';

declare global {
  interface Window {
    QuizProctor?: Record<string, unknown>;
  }
}

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => {
      resolve();
    };
    script.onerror = () => {
      reject(new Error(`could not load ${src}`));
    };
    document.head.append(script);
  });
}

describe('the IIFE build', () => {
  it('exposes QuizProctor.createProctor through a script tag', async () => {
    await loadScript('/dist/quiz-proctor.iife.min.js');
    const api = window.QuizProctor!;
    // On a page with no work for it (no data attributes, no Canvas quiz page) the bundle has not
    // run: each property loads it when first read (scripts/lazy-iife.js).
    const descriptor = Object.getOwnPropertyDescriptor(api, 'createProctor')!;
    expect(typeof descriptor.get, 'a loading getter').to.equal('function');
    expect(Object.keys(api)).to.include.members(['createProctor', 'autoProctor', 'ConfigError']);
    expect(api.createProctor).to.be.a('function');
    expect(() => (api.createProctor as (o: unknown) => unknown)({ courseId: 'x', quizId: 1 })).to.throw(
      /`courseId`/,
    );
  });

  it('exposes the error classes and every guard', () => {
    const api = window.QuizProctor as Record<string, (error: unknown) => boolean> & {
      SessionError: new (code: string) => Error;
      ConfigError: new (option: string, problem: string) => Error;
    };
    for (const name of [
      'isProctorError',
      'isConfigError',
      'isTransportError',
      'isSessionError',
      'isCanvasApiError',
    ])
      expect(api[name], name).to.be.a('function');
    const session = new api.SessionError('network_failed');
    expect(api.isSessionError!(session)).to.equal(true);
    expect(api.isProctorError!(session)).to.equal(true);
    expect(api.isSessionError!(new api.ConfigError('courseId', 'is bad'))).to.equal(false);
    expect(api.isCanvasApiError!(session)).to.equal(false);
  });
});
