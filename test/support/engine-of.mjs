/** Whether a @web/test-runner session runs in Firefox (the launcher names itself after the browser). */
export const isFirefox = (session) => session.browser.name === 'Firefox';
