/** Whether a @web/test-runner session runs in Firefox (the launcher names itself after the browser). */
export const isFirefox = (session) => session.browser.name === 'Firefox';

/** A server command the tests can ask: `engine` answers `firefox` or `chromium`, for a test that needs CDP. */
export function enginePlugin() {
  return {
    name: 'quiz-proctor-engine',
    executeCommand({ command, session }) {
      if (command !== 'engine') return undefined;
      return isFirefox(session) ? 'firefox' : 'chromium';
    },
  };
}
