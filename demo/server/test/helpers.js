import { createApp } from '../app.js';

/** The fixed instant tests start at (the server clock only moves when a test moves it). */
export const T0 = Date.parse('2030-01-15T10:00:00.000Z');

/**
 * Starts the emulator on an ephemeral port with fault injection and a controllable clock.
 * Returns { app, base, clock: {ms}, api, close }.
 */
export async function startServer(options = {}) {
  const clock = { ms: T0 };
  const errors = [];
  const app = await createApp({
    faults: true,
    now: () => new Date(clock.ms),
    logger: errorCollector(errors),
    ...options,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${app.server.address().port}`;
  const close = async () => {
    await app.close();
    assertNoServerErrors(errors);
  };
  return { app, base, clock, errors, api: createClient(base), close };
}

/** A fastify logger option that collects error-level lines (unhandled errors, double sends). */
export function errorCollector(errors) {
  return { level: 'error', stream: { write: (line) => errors.push(line) } };
}

/** Fails the test file when the server logged an error: every answer must be deliberate. */
export function assertNoServerErrors(errors) {
  if (errors.length > 0) throw new Error(`the server logged errors:\n${errors.join('')}`);
}

/**
 * A small fetch wrapper. Options: token (Bearer), json (JSON body), form (string or object ->
 * x-www-form-urlencoded), body + contentType (raw), headers, cookie.
 * Resolves to { status, headers, text, json } (json is parsed when the body parses).
 */
export function createClient(base) {
  return async function api(
    method,
    path,
    { token, json, form, body, contentType, headers = {}, cookie, redirect = 'manual' } = {},
  ) {
    const h = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (cookie) h.cookie = cookie;
    let payload = body;
    if (json !== undefined) {
      payload = JSON.stringify(json);
      h['content-type'] = 'application/json';
    } else if (form !== undefined) {
      payload = typeof form === 'string' ? form : new URLSearchParams(form).toString();
      h['content-type'] = 'application/x-www-form-urlencoded';
    } else if (contentType) {
      h['content-type'] = contentType;
    }
    const response = await fetch(`${base}${path}`, { method, headers: h, body: payload, redirect });
    const text = await response.text();
    let parsed;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, text, json: parsed };
  };
}

/** POST /__control/fixtures. */
export async function createFixture(api, options = {}) {
  const response = await api('POST', '/__control/fixtures', { json: options });
  if (response.status !== 201) throw new Error(`fixture failed: ${response.status} ${response.text}`);
  return response.json;
}

export const submissionsPath = (fx) => `/api/v1/courses/${fx.courseId}/quizzes/${fx.quizId}/submissions`;
export const eventsPath = (fx, qsId) => `${submissionsPath(fx)}/${qsId}/events`;

/** Starts an attempt as `who` (default the fixture's student); returns the QS JSON. */
export async function startAttempt(api, fx, who = fx.student, extra = {}) {
  const response = await api('POST', submissionsPath(fx), {
    token: who.token,
    json: { access_code: fx.accessCode, ...extra },
  });
  if (response.status !== 200) throw new Error(`start failed: ${response.status} ${response.text}`);
  return response.json.quiz_submissions[0];
}

/** Completes the attempt as `who`; returns the response. */
export function completeAttempt(api, fx, qs, who = fx.student, extra = {}) {
  return api('POST', `${submissionsPath(fx)}/${qs.id}/complete`, {
    token: who.token,
    json: {
      attempt: qs.attempt,
      validation_token: qs.validation_token,
      access_code: fx.accessCode,
      ...extra,
    },
  });
}

export const UNAUTHORIZED = {
  status: 'unauthorized',
  errors: [{ message: 'user not authorized to perform that action' }],
};
export const NOT_FOUND = { errors: [{ message: 'The specified resource does not exist.' }] };
