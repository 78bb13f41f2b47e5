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
    expect(api.createProctor).to.be.a('function');
    expect(() => (api.createProctor as (o: unknown) => unknown)({ courseId: 'x', quizId: 1 })).to.throw(
      /`courseId`/,
    );
  });
});
