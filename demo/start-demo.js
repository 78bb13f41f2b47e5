import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIndexPage, renderLogPage } from './pages/render-log-page.js';
import { renderTakePage } from './pages/render-take-page.js';
import { createApp } from './server/app.js';
import { startThemeServer, THEME_PATH } from './start-theme-server.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// The demo pages run under a strict CSP, to show the SDK needs no inline script, eval or blob worker.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** The host name the browser used (Host header, port dropped; IPv6 kept in brackets). */
function hostnameOf(request) {
  const host = request.headers.host ?? 'localhost';
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
}

/**
 * The demo server, two modes side by side:
 *  - the SDK-API demo: Canvas's API plus the demo's own pages (/app/...) and the built SDK, on
 *    one origin like Canvas;
 *  - "Canvas theme": Canvas's own quiz pages (the emulator's /courses/...), which load the
 *    school's theme file — a config block plus the IIFE — from a second origin (the same host
 *    name on `themePort`, port + 1 by default; with `port: 0` a free one), as Canvas loads
 *    Theme Editor JavaScript from its file store.
 * Resolves { app, url, themeUrl }; app.close() closes both servers.
 */
export async function startDemo({ dbFile, port = 3000, host = '127.0.0.1', faults = false, themePort }) {
  // Known once the demo server listens (port 0 picks a free one).
  let appPort;
  const theme = await startThemeServer({
    host,
    port: themePort ?? (port === 0 ? 0 : port + 1),
    sdkFile: join(root, 'dist/quiz-proctor.iife.min.js'),
    reviewScriptUrl: (hostname) =>
      appPort === undefined
        ? undefined
        : `http://${hostname}:${appPort}/dist/quiz-proctor-review.iife.min.js`,
  });
  let app;
  try {
    app = await createApp({
      dbFile,
      faults,
      themeJsUrl: (request) => `${request.protocol}://${hostnameOf(request)}:${theme.port}${THEME_PATH}`,
    });
  } catch (error) {
    await theme.close();
    throw error;
  }
  app.addHook('onClose', () => theme.close());
  await app.register(fastifyStatic, { root: join(root, 'dist'), prefix: '/dist/', decorateReply: false });
  await app.register(fastifyStatic, {
    root: join(root, 'demo/public'),
    prefix: '/demo/',
    decorateReply: false,
  });
  const { store } = app.canvas;
  const html = (reply, body) =>
    reply.type('text/html; charset=utf-8').header('Content-Security-Policy', CSP).send(body);
  const quizOf = (request, reply) => {
    const course = store.courses.find(Number(request.params.courseId));
    const quiz = course ? store.quizzes.find(course.id, Number(request.params.quizId)) : null;
    if (!course || !quiz) {
      reply.code(404);
      html(reply, '<!doctype html><title>Not found</title><p>No such quiz.</p>');
      return null;
    }
    return { course, quiz };
  };

  app.get('/favicon.ico', (request, reply) => reply.code(204).send());
  app.get('/', (request, reply) => {
    const seed = app.seedInfo;
    const submission = store.quizSubmissions.findForUser(seed.quizId, seed.student.id);
    html(reply, renderIndexPage({ seed, submissionId: submission?.id ?? null }));
  });
  // The SDK-API demo's own pages live under /app/, off Canvas's paths.
  app.get('/app/courses/:courseId/quizzes/:quizId/take', (request, reply) => {
    const found = quizOf(request, reply);
    if (found) html(reply, renderTakePage({ ...found, questions: store.quizzes.questions(found.quiz.id) }));
  });
  app.get('/app/courses/:courseId/quizzes/:quizId/log', (request, reply) => {
    const found = quizOf(request, reply);
    if (found) html(reply, renderLogPage({ ...found, teacherToken: app.seedInfo.teacher.token }));
  });
  const address = await app.listen({ port, host });
  appPort = app.server.address().port;
  const url = address.replace('[::1]', 'localhost');
  const themeUrl = `${new URL(url).protocol}//${new URL(url).hostname}:${theme.port}${THEME_PATH}`;
  return { app, url, themeUrl };
}
