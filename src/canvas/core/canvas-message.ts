import { parseCanvasJson } from './create-canvas-http.js';

export interface CanvasMessage {
  message: string;
  status?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function messagesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(messagesOf);
  if (isRecord(value)) {
    if (typeof value.message === 'string') return [value.message];
    // Record-invalid hashes: {field: [{attribute, type, message}]}.
    return Object.values(value).flatMap(messagesOf);
  }
  return [];
}

/**
 * Canvas's message from any of its error envelopes: `{errors:[{message}]}`, `{status, message}`,
 * `{message}`, `{errors:{base}}`, `{errors:{field:[{message}]}}`, a bare JSON string, or plain
 * text such as `403 Forbidden (Rate Limit Exceeded)`.
 */
export function canvasMessage(text: string, fallback: string): CanvasMessage {
  let json: unknown;
  try {
    json = parseCanvasJson(text);
  } catch {
    const plain = text.trim();
    return { message: plain === '' ? fallback : plain };
  }
  const status = isRecord(json) && typeof json.status === 'string' ? json.status : undefined;
  let found: string[] = [];
  if (typeof json === 'string') found = [json];
  else if (isRecord(json)) {
    found = typeof json.message === 'string' ? [json.message] : messagesOf(json.errors);
  }
  const message = found.join('; ') || text.trim() || fallback;
  return status === undefined ? { message } : { message, status };
}
