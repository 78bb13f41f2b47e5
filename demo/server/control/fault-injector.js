import { badRequest } from '../http/canvas-errors.js';
import { FAULT_PRESETS } from './fault-presets.js';

const ACTIONS = ['status', 'delay', 'reset', 'timeout'];
const MAX_DELAY_MS = 10 * 60_000;

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `path` patterns, matched against the URL path (query string excluded):
 *   "re:<source>"  a regular expression (e.g. "re:/submissions/\\d+/events$")
 *   contains "*"   a glob over the whole path; "*" matches any run of characters, "/" included
 *   otherwise      a substring ("/events")
 *   absent         every path
 */
export function compilePathPattern(pattern) {
  if (pattern === undefined || pattern === null || pattern === '') return () => true;
  if (typeof pattern !== 'string') throw badRequest('path must be a string');
  if (pattern.startsWith('re:')) {
    let regex;
    try {
      regex = new RegExp(pattern.slice(3));
    } catch {
      throw badRequest(`path is not a valid regular expression: ${pattern.slice(3)}`);
    }
    return (path) => regex.test(path);
  }
  if (pattern.includes('*')) {
    const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
    return (path) => regex.test(path);
  }
  return (path) => path.includes(pattern);
}

function normalize(input, id) {
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    throw badRequest('the fault must be a JSON object');
  let spec = input;
  if (input.preset !== undefined) {
    const preset = FAULT_PRESETS[input.preset];
    if (!preset)
      throw badRequest(`unknown preset "${input.preset}"; known: ${Object.keys(FAULT_PRESETS).join(', ')}`);
    spec = { ...preset, ...input, headers: { ...preset.headers, ...input.headers } };
  }
  const action = spec.action;
  if (!ACTIONS.includes(action)) throw badRequest(`action must be one of ${ACTIONS.join(', ')}`);
  const times = spec.times ?? 1;
  if (!Number.isInteger(times) || times < 1) throw badRequest('times must be an integer >= 1');
  const status = spec.status ?? 503;
  if (!Number.isInteger(status) || status < 200 || status > 599)
    throw badRequest('status must be an HTTP status code (200-599)');
  // A status answers at once unless told to wait; a timeout holds for 30 s; a delay waits 1 s.
  const defaultDelay = action === 'timeout' ? 30_000 : action === 'status' ? 0 : 1000;
  const delayMs = spec.delayMs ?? defaultDelay;
  if (typeof delayMs !== 'number' || delayMs < 0 || delayMs > MAX_DELAY_MS)
    throw badRequest(`delayMs must be 0..${MAX_DELAY_MS}`);
  const headers = spec.headers ?? {};
  if (
    typeof headers !== 'object' ||
    Array.isArray(headers) ||
    Object.values(headers).some((v) => typeof v !== 'string' && typeof v !== 'number')
  ) {
    throw badRequest('headers must be an object of strings');
  }
  if (spec.contentType !== undefined && typeof spec.contentType !== 'string')
    throw badRequest('contentType must be a string');
  if (spec.method !== undefined && spec.method !== null && typeof spec.method !== 'string')
    throw badRequest('method must be a string');
  const matches = compilePathPattern(spec.path);
  return {
    id,
    method: spec.method ? spec.method.toUpperCase() : null,
    path: spec.path ?? null,
    times,
    remaining: times,
    action,
    status,
    headers,
    body: spec.body ?? null,
    contentType: spec.contentType ?? null,
    delayMs,
    afterHandler: spec.afterHandler === true,
    // Only requests whose parsed body, as JSON, contains this text (say, one poison event).
    bodyIncludes: spec.bodyIncludes ?? null,
    preset: spec.preset ?? null,
    matches,
  };
}

/** A fault as the control API shows it (without its compiled matcher). */
function publicView(fault) {
  const view = { ...fault };
  delete view.matches;
  return view;
}

/** The queue of armed faults. The first armed fault that matches a request fires (FIFO). */
export function createFaultInjector() {
  let faults = [];
  let nextId = 1;
  return {
    add(input) {
      const fault = normalize(input, nextId);
      nextId += 1;
      faults.push(fault);
      return publicView(fault);
    },
    list: () => faults.map(publicView),
    clear() {
      const count = faults.length;
      faults = [];
      return count;
    },
    /**
     * Consumes one use of the first fault matching the request; returns it or null. Without `body`
     * (before parsing) only faults with no body condition match; with it, only those with one.
     */
    take(method, path, body) {
      const fault = faults.find(
        (f) =>
          f.remaining > 0 &&
          (f.method === null || f.method === method) &&
          f.matches(path) &&
          (body === undefined
            ? f.bodyIncludes === null
            : f.bodyIncludes !== null && body.includes(f.bodyIncludes)),
      );
      if (!fault) return null;
      fault.remaining -= 1;
      if (fault.remaining === 0) faults = faults.filter((f) => f !== fault);
      return publicView({ ...fault });
    },
  };
}

/** The status-fault answer as [contentType, body string]. Objects are sent as JSON. */
export function faultPayload(fault) {
  if (fault.body !== null && typeof fault.body === 'object') {
    return [fault.contentType ?? 'application/json; charset=utf-8', JSON.stringify(fault.body)];
  }
  return [fault.contentType ?? 'text/plain; charset=utf-8', fault.body === null ? '' : String(fault.body)];
}
