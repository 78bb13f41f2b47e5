import { CanvasHttpError, entityTooLarge, genericError, notFound } from './canvas-errors.js';

/**
 * Renders every error as Canvas would: our CanvasHttpErrors as built, fastify's body-limit error
 * as a JSON 413, other client errors with the generic envelope, and anything unexpected as a
 * logged 500 "An error occurred." (never a crash, never an HTML page).
 */
export function installErrorHandling(app, { bodyLimit }) {
  app.setErrorHandler((error, request, reply) => {
    let rendered = error;
    if (!(error instanceof CanvasHttpError)) {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') rendered = entityTooLarge(bodyLimit);
      else if (error.statusCode >= 400 && error.statusCode < 500) rendered = genericError(error.statusCode);
      else {
        request.log.error({ err: error }, 'unhandled error');
        rendered = genericError(500);
      }
    }
    reply.code(rendered.statusCode).headers(rendered.headers).send(rendered.body);
  });
  // Rails answers unknown routes (and unknown methods on known paths) with a RoutingError: 404.
  app.setNotFoundHandler((request, reply) => {
    const error = notFound();
    reply.code(error.statusCode).send(error.body);
  });
}
