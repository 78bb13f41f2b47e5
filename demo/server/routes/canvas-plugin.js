import { authenticateRequest } from '../http/authenticate.js';
import { installApiResponseHooks } from '../http/api-response-hooks.js';
import { registerBodyParsers } from '../http/body-parsers.js';
import { loginRoutes } from './login-routes.js';
import { quizSubmissionEventsRoutes } from './quiz-submission-events-routes.js';
import { quizSubmissionsRoutes } from './quiz-submissions-routes.js';

/** The /api/v1 routes, in their own plugin context (parsers and hooks apply to them only). */
export async function canvasApiPlugin(app, { canvas }) {
  registerBodyParsers(app, { bodyLimit: canvas.options.bodyLimit });
  installApiResponseHooks(app);
  app.addHook('preHandler', async (request, reply) => {
    authenticateRequest(request, reply, canvas.store);
  });
  quizSubmissionsRoutes(app, canvas);
  quizSubmissionEventsRoutes(app, canvas);
}

/** /login (demo cookie sessions). */
export async function canvasLoginPlugin(app, { canvas }) {
  registerBodyParsers(app, { bodyLimit: canvas.options.bodyLimit });
  loginRoutes(app, canvas);
}
