import fastifyStatic from '@fastify/static';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderIndexPage, renderLogPage } from './pages/render-log-page.js';
import { renderTakePage } from './pages/render-take-page.js';
import { createApp } from './server/app.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// The demo pages run under a strict CSP, to show the SDK needs no inline script, eval or blob worker.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** The demo server: Canvas's API plus the demo pages and the built SDK, on one origin like Canvas. */
export async function startDemo({ dbFile, port = 3000, host = '127.0.0.1', faults = false }) {
  const app = await createApp({ dbFile, faults });
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
  app.get('/', (request, reply) => html(reply, renderIndexPage({ seed: app.seedInfo })));
  app.get('/courses/:courseId/quizzes/:quizId/take', (request, reply) => {
    const found = quizOf(request, reply);
    if (found) html(reply, renderTakePage({ ...found, questions: store.quizzes.questions(found.quiz.id) }));
  });
  app.get('/courses/:courseId/quizzes/:quizId/log', (request, reply) => {
    const found = quizOf(request, reply);
    if (found) html(reply, renderLogPage({ ...found, teacherToken: app.seedInfo.teacher.token }));
  });
  const address = await app.listen({ port, host });
  return { app, url: address.replace('[::1]', 'localhost') };
}
