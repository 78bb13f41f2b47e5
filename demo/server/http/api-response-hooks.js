import { createRateLimitMeter } from './rate-limit-meter.js';
import { stringifyJsonIds, wantsStringIds } from './stringify-json-ids.js';

/**
 * Response decorations that Canvas applies to API answers, installed in the API plugin context:
 *  - string ids (`Accept: application/json+canvas-string-ids`) on every JSON body;
 *  - the `while(1);` prefix on JSON answering a cookie-session GET (ApplicationController#render
 *    adds it when `request.get? && in_app?`), never on token requests;
 *  - X-Request-Cost / X-Rate-Limit-Remaining.
 * Responses produced by an injected fault are left exactly as the fault describes them.
 */
export function installApiResponseHooks(app) {
  const meter = createRateLimitMeter();

  app.addHook('onRequest', async (request) => {
    request.canvasStartedAt = process.hrtime.bigint();
  });

  app.addHook('preSerialization', async (request, reply, payload) => {
    if (request.canvasFaultReplied || !wantsStringIds(request)) return payload;
    return stringifyJsonIds(payload);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.canvasFaultReplied) return payload;
    const auth = request.canvasAuth;
    const costSeconds =
      Number(process.hrtime.bigint() - (request.canvasStartedAt ?? process.hrtime.bigint())) / 1e9;
    const { cost, remaining } = meter.charge(auth?.rateLimitKey ?? `ip:${request.ip}`, costSeconds);
    reply.header('X-Request-Cost', cost);
    reply.header('X-Rate-Limit-Remaining', remaining);
    const json = String(reply.getHeader('content-type') ?? '').includes('json');
    if (auth?.method === 'session' && request.method === 'GET' && json && typeof payload === 'string') {
      return `while(1);${payload}`;
    }
    return payload;
  });
}
