import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { createQuizSubmissionService } from './canvas/quiz-submission-service.js';
import { createSubmissionService } from './canvas/submission-service.js';
import { controlRoutes } from './control/control-routes.js';
import { installFaultHooks } from './control/fault-hooks.js';
import { createFaultInjector } from './control/fault-injector.js';
import { createRequestLog } from './control/request-log.js';
import { openDatabase } from './db/open-database.js';
import { seedDemo } from './db/seed-demo.js';
import { DEFAULT_BODY_LIMIT, registerBodyParsers } from './http/body-parsers.js';
import { installErrorHandling } from './http/error-handler.js';
import { createClock } from './lib/clock.js';
import { canvasPagesPlugin } from './pages/canvas-pages-plugin.js';
import { createPageSettings } from './pages/page-settings.js';
import { canvasApiPlugin, canvasLoginPlugin } from './routes/canvas-plugin.js';
import { createStore } from './store/create-store.js';

const REQUEST_DECORATIONS = [
  'canvasAuth',
  'canvasParams',
  'canvasQuery',
  'canvasBodyBytes',
  'canvasStartedAt',
  'canvasFault',
  'canvasFaultReplied',
  'canvasLogEntry',
  'canvasFiles',
];

/**
 * Mounts the Canvas emulator on an existing fastify instance (before it is ready): database,
 * seed, error handling, /api/v1 and /login routes, Canvas's HTML pages for classic quizzes
 * (/courses/…, with their scripts under /javascripts/), and — with `faults: true` — the
 * /__control routes and fault/request-log hooks. Sets the instance's error and not-found
 * handlers (JSON, Canvas envelopes). Other routes and plugins (e.g. @fastify/static) can be
 * added afterwards.
 *
 * Decorates the instance with `seedInfo` ({courseId, quizId, oneAtATimeQuizId, ...}) and
 * `canvas` ({db, store, clock, service, submissionService, options, faults, requestLog,
 * pageSettings}) for tests and tooling.
 */
export async function registerCanvas(app, options = {}) {
  const {
    dbFile = ':memory:',
    faults = false,
    now = () => new Date(),
    apiAuthErrorUpdates = false,
    bodyLimit = DEFAULT_BODY_LIMIT,
    themeJsUrl = null,
    qlaDeliveryMs,
    javascriptCsp = false,
  } = options;
  const pageSettings = createPageSettings({ themeJsUrl, qlaDeliveryMs, javascriptCsp });
  const clock = createClock(now);
  const db = openDatabase(dbFile);
  const store = createStore(db, clock);
  const seedInfo = seedDemo(store);
  const canvas = {
    db,
    store,
    clock,
    service: createQuizSubmissionService({ store, clock }),
    submissionService: createSubmissionService({ store, clock }),
    options: { apiAuthErrorUpdates, bodyLimit, faults },
    faults: faults ? createFaultInjector() : null,
    requestLog: faults ? createRequestLog(clock) : null,
    pageSettings,
  };

  app.decorate('canvas', canvas);
  app.decorate('seedInfo', seedInfo);
  for (const name of REQUEST_DECORATIONS) {
    if (!app.hasRequestDecorator(name)) app.decorateRequest(name, null);
  }
  // Requests may arrive through `app.routing(req, res)` from another server. Koa (used by
  // @web/test-runner) sets res.statusCode = 404 before its middleware runs, and fastify sends
  // res.statusCode for any reply that does not set a code, so start every request from 200.
  app.addHook('onRequest', async (request, reply) => {
    if (!reply.raw.headersSent) reply.code(200);
  });
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie);
  installErrorHandling(app, { bodyLimit });
  if (faults) installFaultHooks(app, canvas);

  await app.register(canvasApiPlugin, { canvas });
  await app.register(canvasLoginPlugin, { canvas });
  await app.register(canvasPagesPlugin, { canvas });
  if (faults) {
    await app.register(async (control) => {
      registerBodyParsers(control, { bodyLimit });
      controlRoutes(control, canvas, seedInfo);
    });
  }
  app.addHook('onClose', async () => {
    db.close();
  });
  return app;
}

/**
 * Creates the emulator: a fastify instance with everything registered, ready to `listen()`, to
 * `inject()`, or to serve requests of another http.Server through
 * `await app.ready(); app.routing(req, res)`.
 *
 * @param {object} [options]
 * @param {string} [options.dbFile=':memory:'] SQLite file (WAL) or ':memory:'
 * @param {boolean} [options.faults=false] enable /__control/* (fixtures, faults, request log, clock)
 * @param {boolean|object} [options.logger=false] fastify logger option
 * @param {() => Date} [options.now] the server clock's source (created_at, started_at, end_at, time_left)
 * @param {boolean} [options.apiAuthErrorUpdates=false] answer "not authorized" with 403 instead of 401
 * @param {number} [options.bodyLimit=8388608] request body limit in bytes (over it: 413)
 * @param {string|((request) => string|null)|null} [options.themeJsUrl=null] the brand config's
 *   Theme Editor JavaScript, loaded last on every page (a function sees the request, e.g. to
 *   use the host name the browser used); /__control/theme overrides it at runtime
 * @param {number} [options.qlaDeliveryMs=15000] how often the emulated quiz log auditing client
 *   delivers (Canvas: 15 s); /__control/qla overrides it at runtime
 * @param {boolean} [options.javascriptCsp=false] send Canvas's optional page CSP
 *   (`frame-src 'self' blob:`, the `javascript_csp` account feature)
 */
export async function createApp(options = {}) {
  const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true });
  await registerCanvas(app, options);
  return app;
}
