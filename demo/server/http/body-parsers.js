import { genericError } from './canvas-errors.js';
import { deepMunge } from './deep-munge.js';
import { parseNestedQuery } from './rack-nested-params.js';

/**
 * The body limit. Large enough for an events batch of 10,000 items with user agents
 * (≈2 MB) and far above anything Canvas's own client sends; a 10 MB body gets a JSON 413.
 */
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;

/**
 * Rails' parameter parsers, registered inside the emulator's plugin contexts only (content-type
 * parsers are encapsulated in fastify, so a host app keeps its own). Each parser yields Rails'
 * `request_parameters`:
 *  - JSON (application/json, application/<type>+json): an object; any other top-level value lands under
 *    `_json` as Rails does; an empty body is `{}`; a malformed body is a 400 with the generic
 *    error envelope (ActionDispatch::Http::Parameters::ParseError).
 *  - application/x-www-form-urlencoded: Rack's nested parser.
 *  - multipart/form-data: text fields go through Rack's nested parser (like a form body); file
 *    parts are kept aside on `request.canvasFiles` ({field: {filename, type, bytes}}), in order.
 *    Parsed with undici's FormData (Node's built-in Response) on the buffered body.
 *  - anything else: read (so the body limit applies) and ignored, as Rails ignores bodies of
 *    types it has no parser for.
 * deep_munge runs on the result.
 */
export function registerBodyParsers(app, { bodyLimit = DEFAULT_BODY_LIMIT } = {}) {
  app.removeAllContentTypeParsers();

  const json = (request, body, done) => {
    request.canvasBodyBytes = Buffer.byteLength(body);
    if (body.trim() === '') return done(null, {});
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      request.log.info('malformed JSON body');
      return done(genericError(400));
    }
    const params =
      parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : { _json: parsed };
    return done(null, deepMunge(params));
  };
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, json);
  app.addContentTypeParser(/^application\/[\w.-]+\+json$/, { parseAs: 'string', bodyLimit }, json);

  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      request.canvasBodyBytes = Buffer.byteLength(body);
      try {
        done(null, deepMunge(parseNestedQuery(body)));
      } catch (error) {
        done(error);
      }
    },
  );

  app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit }, async (request, body) => {
    request.canvasBodyBytes = body.length;
    let form;
    try {
      form = await new Response(body, {
        headers: { 'content-type': request.headers['content-type'] },
      }).formData();
    } catch {
      throw genericError(400);
    }
    const pairs = [];
    const files = [];
    for (const [name, value] of form.entries()) {
      if (typeof value === 'string') pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
      else
        files.push([
          name,
          { filename: value.name, type: value.type, bytes: Buffer.from(await value.arrayBuffer()) },
        ]);
    }
    request.canvasFiles = files;
    return deepMunge(parseNestedQuery(pairs.join('&')));
  });

  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    request.canvasBodyBytes = body.length;
    done(null, {});
  });
}
