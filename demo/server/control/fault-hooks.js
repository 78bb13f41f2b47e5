import { setTimeout as sleep } from 'node:timers/promises';
import { faultPayload } from './fault-injector.js';
import { eventTypesOf } from './request-log.js';

const pathOf = (url = '') => {
  const index = url.indexOf('?');
  return index === -1 ? url : url.slice(0, index);
};

/**
 * Root-level hooks that log requests and fire injected faults. Before the handler:
 *   status  -> answer with the fault's status/headers/body (the handler never runs), after delayMs
 *              when one is given
 *   delay   -> wait delayMs, then handle normally
 *   reset   -> destroy the socket without answering (nothing is handled)
 *   timeout -> hold the socket without answering; it is destroyed after delayMs (or when the
 *              client gives up, or when the app closes)
 * With afterHandler: true the real handler runs first (events ARE stored) and then its answer is
 * replaced (status), delayed (delay), dropped by destroying the socket (reset: "the request
 * reached the server but the answer was lost") or withheld (timeout).
 */
export function installFaultHooks(app, { faults, requestLog }) {
  const heldSockets = new Set();

  function hold(socket, ms) {
    heldSockets.add(socket);
    const timer = setTimeout(() => socket.destroy(), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      heldSockets.delete(socket);
    });
  }

  function sendFault(request, reply, fault) {
    const [contentType, body] = faultPayload(fault);
    request.canvasFaultReplied = true;
    reply.code(fault.status).headers(fault.headers).header('content-type', contentType);
    return body;
  }

  const bodySize = (request) => request.canvasBodyBytes ?? undefined;

  async function fire(request, reply, fault, entry) {
    request.canvasFault = fault;
    if (entry) {
      entry.fault = fault.action;
      entry.faultId = fault.id;
    }
    if (fault.afterHandler) return undefined;
    switch (fault.action) {
      case 'delay':
        await sleep(fault.delayMs);
        return undefined;
      case 'status':
        // A delayMs makes the answer slow to come, as a busy server's refusal is.
        if (fault.delayMs) await sleep(fault.delayMs);
        reply.send(sendFault(request, reply, fault));
        return reply;
      case 'reset':
        requestLog.settle(entry, 'reset');
        reply.hijack();
        request.raw.socket.destroy();
        return undefined;
      case 'timeout':
        requestLog.settle(entry, 'timeout');
        reply.hijack();
        hold(request.raw.socket, fault.delayMs);
        return undefined;
      default:
        return undefined;
    }
  }

  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.raw.url);
    if (path.startsWith('/__control/')) return undefined;
    let entry = null;
    if (requestLog.shouldLog(path)) {
      const length = Number(request.headers['content-length']);
      entry = requestLog.start({
        method: request.method,
        path,
        query: (request.raw.url ?? '').slice(path.length + 1),
        contentLength: Number.isFinite(length) ? length : null,
        requestedWith: request.headers['x-requested-with'] ?? null,
      });
      request.canvasLogEntry = entry;
      reply.raw.once('close', () =>
        requestLog.settle(
          entry,
          reply.raw.writableFinished ? reply.raw.statusCode : 'aborted',
          bodySize(request),
        ),
      );
    }
    // Faults that look at the body wait for it to be parsed (preHandler below).
    const fault = faults.take(request.method, path);
    return fault ? fire(request, reply, fault, entry) : undefined;
  });

  app.addHook('preHandler', async (request, reply) => {
    const entry = request.canvasLogEntry;
    if (entry && request.body !== undefined && requestLog.wantsEventTypes(entry.method, entry.path)) {
      entry.eventTypes = eventTypesOf(request.body);
    }
    if (request.canvasFault || request.body === undefined) return undefined;
    const fault = faults.take(request.method, pathOf(request.raw.url), JSON.stringify(request.body));
    return fault ? fire(request, reply, fault, request.canvasLogEntry ?? null) : undefined;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const fault = request.canvasFault;
    if (!fault?.afterHandler) return payload;
    switch (fault.action) {
      case 'delay':
        await sleep(fault.delayMs);
        return payload;
      case 'status':
        reply.removeHeader('link');
        return sendFault(request, reply, fault);
      case 'reset':
        // The handler's work is done; drop the answer. The pending promise keeps fastify from
        // writing to the destroyed socket.
        requestLog.settle(request.canvasLogEntry, 'reset', bodySize(request));
        request.raw.socket.destroy();
        return new Promise(() => {});
      case 'timeout':
        requestLog.settle(request.canvasLogEntry, 'timeout', bodySize(request));
        hold(request.raw.socket, fault.delayMs);
        return new Promise(() => {});
      default:
        return payload;
    }
  });

  app.addHook('onResponse', async (request, reply) => {
    requestLog.settle(request.canvasLogEntry, reply.statusCode, bodySize(request));
  });

  app.addHook('onClose', async () => {
    for (const socket of heldSockets) socket.destroy();
  });
}
