import { badRequest } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import { rubyToI } from '../lib/ruby.js';
import { createFixture } from './create-fixture.js';

/**
 * /__control/* — test control, no auth, registered only with `faults: true`.
 *
 *   POST   /__control/fixtures  {options}           201 {courseId, quizId, questionIds, ..., student, student2, teacher, ta, observer}
 *   GET    /__control/faults                         200 {faults: [Fault]}
 *   POST   /__control/faults    {Fault spec}         201 {fault: Fault}
 *   DELETE /__control/faults                         200 {cleared: n}
 *   GET    /__control/requests?path=&since=          200 {requests: [Entry]}
 *   DELETE /__control/requests                       200 {cleared: n}
 *   GET    /__control/clock                          200 {now, offsetMs}
 *   POST   /__control/clock     {offsetMs}|{nowIso}|{advanceMs}  200 {now, offsetMs}
 *   DELETE /__control/clock                          200 {now, offsetMs: 0}
 *   GET    /__control/seed                           200 app.seedInfo
 *   GET    /__control/theme                          200 {url, overridden}
 *   POST   /__control/theme     {url: "…"|null}      200 {url, overridden}  (null: no theme file)
 *   DELETE /__control/theme                          200 {url, overridden: false} (back to the option)
 *   GET    /__control/qla                            200 {qlaDeliveryMs}
 *   POST   /__control/qla       {qlaDeliveryMs: n|null}  200 {qlaDeliveryMs}  (null: back to the option)
 */
export function controlRoutes(app, canvas, seedInfo) {
  const { store, clock, faults, requestLog, pageSettings } = canvas;
  const body = (request) => (request.body && typeof request.body === 'object' ? request.body : {});
  const clockState = () => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs });

  app.post('/__control/fixtures', async (request, reply) => {
    reply.code(201);
    return createFixture(store, body(request));
  });

  app.get('/__control/faults', async () => ({ faults: faults.list() }));
  app.post('/__control/faults', async (request, reply) => {
    reply.code(201);
    return { fault: faults.add(body(request)) };
  });
  app.delete('/__control/faults', async () => ({ cleared: faults.clear() }));

  app.get('/__control/requests', async (request) => {
    const params = railsParams(request);
    return {
      requests: requestLog.list({
        path: typeof params.path === 'string' ? params.path : undefined,
        since: params.since === undefined ? undefined : rubyToI(String(params.since)),
      }),
    };
  });
  app.delete('/__control/requests', async () => ({ cleared: requestLog.clear() }));

  app.get('/__control/clock', async () => clockState());
  app.post('/__control/clock', async (request) => {
    const { offsetMs, nowIso, advanceMs } = body(request);
    if (typeof offsetMs === 'number' && Number.isFinite(offsetMs)) clock.setOffset(offsetMs);
    else if (typeof nowIso === 'string' && !Number.isNaN(Date.parse(nowIso))) clock.setNow(new Date(nowIso));
    else if (typeof advanceMs === 'number' && Number.isFinite(advanceMs)) clock.advance(advanceMs);
    else throw badRequest('send {"offsetMs": n}, {"nowIso": "<ISO-8601>"} or {"advanceMs": n}');
    return clockState();
  });
  app.delete('/__control/clock', async () => {
    clock.setOffset(0);
    return clockState();
  });

  app.get('/__control/seed', async () => seedInfo);

  // The brand config's Theme Editor JavaScript; `url` is what this request's pages would load.
  const themeState = (request) => ({
    url: pageSettings.themeJsUrl(request),
    overridden: pageSettings.themeOverridden,
  });
  app.get('/__control/theme', async (request) => themeState(request));
  app.post('/__control/theme', async (request) => {
    const input = body(request);
    if (
      !Object.hasOwn(input, 'url') ||
      (input.url !== null && (typeof input.url !== 'string' || input.url === ''))
    ) {
      throw badRequest('send {"url": "<theme file URL>"} or {"url": null}');
    }
    pageSettings.setThemeJsUrl(input.url);
    return themeState(request);
  });
  app.delete('/__control/theme', async (request) => {
    pageSettings.setThemeJsUrl(undefined);
    return themeState(request);
  });

  // How often the emulated quiz log auditing client delivers (Canvas: 15 s).
  app.get('/__control/qla', async () => ({ qlaDeliveryMs: pageSettings.qlaDeliveryMs }));
  app.post('/__control/qla', async (request) => {
    const { qlaDeliveryMs } = body(request);
    if (qlaDeliveryMs !== null && !(Number.isInteger(qlaDeliveryMs) && qlaDeliveryMs > 0)) {
      throw badRequest('send {"qlaDeliveryMs": <positive integer>} or {"qlaDeliveryMs": null}');
    }
    pageSettings.setQlaDeliveryMs(qlaDeliveryMs ?? undefined);
    return { qlaDeliveryMs: pageSettings.qlaDeliveryMs };
  });
}
