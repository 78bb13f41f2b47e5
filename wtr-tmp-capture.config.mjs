// Temporary copy of web-test-runner.config.mjs without the Canvas server middleware, for running
// test/capture while demo/server/app.js is not there yet. Delete when done.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countReporter } from './test/support/wtr-count-reporter.mjs';
import { CHROMIUM_ARGS, findChrome } from './test/support/find-chrome.mjs';
import { focusPlugin } from './test/support/wtr-focus-plugin.mjs';
import { networkPlugin } from './test/support/wtr-network-plugin.mjs';

const executablePath = findChrome();

export default {
  files: ['test/capture/**/*.test.ts'],
  nodeResolve: { exportConditions: ['es2015'] },
  concurrency: 1,
  reporters: [defaultReporter(), countReporter()],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), networkPlugin(), focusPlugin()],
  testFramework: { config: { timeout: 20000 } },
  testsFinishTimeout: 300000,
  browsers: [chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } })],
};
