import { expect } from '@esm-bundle/chai';
import { startTheme } from '../../src/theme/start-theme.js';

// A window of its own per test (startTheme marks the window it started on).
function fakeWindow(extra: Record<string, unknown> = {}): Window {
  return { document, location: window.location, ...extra } as unknown as Window;
}

function consoleLines(run: () => void): unknown[][] {
  const lines: unknown[][] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => lines.push(args);
  console.warn = (...args: unknown[]) => lines.push(args);
  try {
    run();
  } finally {
    console.error = error;
    console.warn = warn;
  }
  return lines;
}

describe('startTheme', () => {
  it('does nothing on a page that is not a Canvas quiz page', () => {
    const lines = consoleLines(() => {
      expect(startTheme(fakeWindow({ ENV: { COURSE_ID: 1 } }), null)).to.deep.equal({});
    });
    expect(lines).to.deep.equal([]);
  });

  it('says once which setting is wrong, and never throws', () => {
    const win = fakeWindow({ QUIZ_PROCTOR_CONFIG: { courses: 'all' } });
    const lines = consoleLines(() => {
      expect(startTheme(win, null)).to.deep.equal({});
    });
    expect(lines).to.have.length(1);
    expect(String(lines[0]![1])).to.include(
      '`QUIZ_PROCTOR_CONFIG.courses` must be an array of Canvas course ids',
    );
  });

  it('starts once per page, however many accounts of the theme chain upload it', () => {
    const win = fakeWindow({ QUIZ_PROCTOR_CONFIG: { courses: 'all' } });
    const lines = consoleLines(() => {
      startTheme(win, null);
      startTheme(win, null);
    });
    expect(lines, 'the second copy does not even read the settings').to.have.length(1);
  });
});
