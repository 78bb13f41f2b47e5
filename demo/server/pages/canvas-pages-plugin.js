import fastifyStatic from '@fastify/static';
import { fileURLToPath } from 'node:url';
import { CanvasHttpError, genericError } from '../http/canvas-errors.js';
import { registerBodyParsers } from '../http/body-parsers.js';
import { coursePageRoutes } from './course-page-routes.js';
import { quizSubmissionEventsPageRoutes } from './quiz-submission-events-page-routes.js';
import { quizSubmissionPageRoutes } from './quiz-submission-page-routes.js';
import { quizzesPageRoutes } from './quizzes-page-routes.js';
import { NOTICES, renderErrorPage } from './render-notice.js';

const publicDir = (name) => fileURLToPath(new URL(`./public/${name}/`, import.meta.url));

/**
 * Errors on pages render as pages; the take page's own XHRs (backup) get Canvas's JSON
 * envelopes, as Canvas answers requests made with X-Requested-With.
 */
function pageErrorHandler(error, request, reply) {
  let status = 500;
  if (error instanceof CanvasHttpError) status = error.statusCode;
  else if (error.statusCode >= 400 && error.statusCode < 500) status = error.statusCode;
  else request.log.error({ err: error }, 'unhandled error');
  if (request.headers['x-requested-with'] === 'XMLHttpRequest') {
    const rendered = error instanceof CanvasHttpError ? error : genericError(status);
    return reply.code(status).headers(rendered.headers).send(rendered.body);
  }
  const notice = NOTICES[status] ?? { title: 'Error', heading: 'Error', text: 'An error occurred.' };
  return reply.code(status).type('text/html; charset=utf-8').send(renderErrorPage(notice));
}

/**
 * Canvas's HTML pages for classic quizzes (the course, the quiz, the take page, the final
 * submit, backup and record_answer, the quiz log) and the scripts that play Canvas's page
 * JavaScript, served from /javascripts/ (and a stylesheet from /stylesheets/).
 */
export async function canvasPagesPlugin(app, { canvas }) {
  registerBodyParsers(app, { bodyLimit: canvas.options.bodyLimit });
  app.setErrorHandler(pageErrorHandler);
  for (const name of ['javascripts', 'stylesheets']) {
    await app.register(fastifyStatic, { root: publicDir(name), prefix: `/${name}/`, decorateReply: false });
  }
  const shared = { settings: canvas.pageSettings, accessCodeGrants: new Set() };
  coursePageRoutes(app, canvas, shared);
  quizzesPageRoutes(app, canvas, shared);
  quizSubmissionPageRoutes(app, canvas, shared);
  quizSubmissionEventsPageRoutes(app, canvas, shared);
}
