import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { createApp } from './demo/server/app.js';
import { cpuPlugin, cpuThrottleRate } from './test/support/cpu-throttle.mjs';
import { countReporter } from './test/support/wtr-count-reporter.mjs';
import { enginePlugin } from './test/support/engine-of.mjs';
import { launcherFor, selectedEngine } from './test/support/engine.mjs';
import { focusPlugin } from './test/support/wtr-focus-plugin.mjs';
import { networkPlugin } from './test/support/wtr-network-plugin.mjs';
import { pagesPlugin } from './test/support/wtr-pages-plugin.mjs';
import { storagePlugin } from './test/support/wtr-storage-plugin.mjs';

// The real Canvas-compatible server, in-process on an in-memory database, with fault injection on.
// Its routes are served on the test pages' own origin, as Canvas serves its quiz pages and its API
// from one origin, so cookie sessions and CSRF work exactly as on a real quiz page. That includes
// Canvas's own HTML pages (/courses/...) and their scripts (/javascripts/, /stylesheets/); a test
// points their theme file at the SDK with POST /__control/theme.
const canvas = await createApp({ dbFile: ':memory:', faults: true });
await canvas.ready();
const CANVAS_PREFIXES = [
  '/api/',
  '/__control/',
  '/login',
  '/files_api/',
  '/courses/',
  '/javascripts/',
  '/stylesheets/',
];

async function canvasRoutes(ctx, next) {
  if (!CANVAS_PREFIXES.some((prefix) => ctx.path.startsWith(prefix))) return next();
  ctx.respond = false;
  // Koa starts every response as a 404, and fastify's reply reads its status from the raw response.
  ctx.res.statusCode = 200;
  canvas.routing(ctx.req, ctx.res);
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['es2015'] },
  concurrency: 1,
  reporters: [defaultReporter(), countReporter()],
  middleware: [canvasRoutes],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022' }),
    networkPlugin(),
    focusPlugin(),
    pagesPlugin(),
    storagePlugin(),
    cpuPlugin(),
    enginePlugin(),
  ],
  // A slowed page takes proportionally longer for the same work.
  // QP_GREP runs only the tests whose full title matches (mocha's grep), e.g. to repeat one case.
  testFramework: {
    config: {
      timeout: 20000 * cpuThrottleRate,
      ...(process.env.QP_GREP ? { grep: process.env.QP_GREP } : {}),
    },
  },
  testsFinishTimeout: 300000,
  browsers: [launcherFor(selectedEngine())],
};
