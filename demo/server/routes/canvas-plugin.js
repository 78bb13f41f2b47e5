import { authenticateRequest } from '../http/authenticate.js';
import { installApiResponseHooks } from '../http/api-response-hooks.js';
import { registerBodyParsers } from '../http/body-parsers.js';
import { filesRoutes } from './files-routes.js';
import { gradebookHistoryRoutes } from './gradebook-history-routes.js';
import { loginRoutes } from './login-routes.js';
import { peerReviewsRoutes } from './peer-reviews-routes.js';
import { quizSubmissionEventsRoutes } from './quiz-submission-events-routes.js';
import { quizSubmissionQuestionsRoutes } from './quiz-submission-questions-routes.js';
import { quizSubmissionsRoutes } from './quiz-submissions-routes.js';
import { submissionGradingRoutes } from './submission-grading-routes.js';
import { submissionsRoutes } from './submissions-routes.js';

/**
 * The /api/v1 routes, in their own plugin context (parsers and hooks apply to them only), plus
 * the upload endpoints (/files_api/uploads/:token, /files/:id/download) that share its parsers.
 */
export async function canvasApiPlugin(app, { canvas }) {
  registerBodyParsers(app, { bodyLimit: canvas.options.bodyLimit });
  installApiResponseHooks(app);
  app.addHook('preHandler', async (request, reply) => {
    authenticateRequest(request, reply, canvas.store);
  });
  quizSubmissionsRoutes(app, canvas);
  quizSubmissionEventsRoutes(app, canvas);
  quizSubmissionQuestionsRoutes(app, canvas);
  submissionsRoutes(app, canvas);
  submissionGradingRoutes(app, canvas);
  peerReviewsRoutes(app, canvas);
  gradebookHistoryRoutes(app, canvas);
  filesRoutes(app, canvas);
}

/** /login (demo cookie sessions). */
export async function canvasLoginPlugin(app, { canvas }) {
  registerBodyParsers(app, { bodyLimit: canvas.options.bodyLimit });
  loginRoutes(app, canvas);
}
