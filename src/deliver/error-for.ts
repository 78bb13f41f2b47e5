import { TransportError } from '../errors/transport-error.js';
import type { SendResult, Verdict } from './retry-policy.js';

/** The typed error for a send that did not succeed, with Canvas's status and body when it answered. */
export function errorFor(verdict: Exclude<Verdict, { kind: 'ok' }>, result: SendResult): TransportError {
  const status = result.status;
  const detail = status === undefined ? result.body : `HTTP ${status}`;
  const code =
    verdict.kind === 'pause'
      ? verdict.code
      : verdict.kind === 'split'
        ? 'event_rejected'
        : status === undefined
          ? 'network_failed'
          : 'http_error';
  const init: { retryable: boolean; status?: number; body?: string; detail?: string } = {
    retryable: verdict.kind === 'retry',
  };
  if (status !== undefined) init.status = status;
  if (result.body !== undefined) init.body = result.body;
  if (detail !== undefined) init.detail = detail;
  return new TransportError(code, init);
}
