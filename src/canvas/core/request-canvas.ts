import { parseCanvasJson } from './create-canvas-http.js';
import { CanvasApiError } from './canvas-api-error.js';
import type { CanvasClient } from './canvas-client.js';
import { canvasMessage } from './canvas-message.js';
import { CanvasNetworkError } from './canvas-network-error.js';
import { withQuery, type QueryParams } from './query-params.js';

export interface CanvasRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the client's base URL (no leading slash), or absolute (Link and Location headers). */
  path: string;
  query?: QueryParams;
  /** Always JSON: form values would turn booleans into strings (`preview=false` is a preview). */
  json?: unknown;
}

export interface CanvasResponse {
  /** The parsed body; undefined for an empty one (204). */
  data: unknown;
  response: Response;
}

/** Resolves a Canvas path against the client's base URL. */
export function canvasUrl(client: CanvasClient, path: string, query?: QueryParams): URL {
  return withQuery(new URL(path, client.baseUrl), query);
}

/** One request; any non-2xx becomes a {@link CanvasApiError}, no answer a {@link CanvasNetworkError}. */
export async function requestCanvas(client: CanvasClient, request: CanvasRequest): Promise<CanvasResponse> {
  const url = canvasUrl(client, request.path, request.query).href;
  let response: Response;
  let text: string;
  try {
    // ky sends no body for an undefined `json`.
    response = await client.http(url, { method: request.method, json: request.json });
    text = await response.text();
  } catch (error) {
    throw new CanvasNetworkError(request.method, url, error);
  }
  if (!response.ok) throw apiError(request.method, url, response, text);
  try {
    // An empty body (204) parses as undefined.
    return { data: parseCanvasJson(text), response };
  } catch (error) {
    throw new CanvasApiError({
      status: response.status,
      canvasMessage: `not JSON: ${String(error)}`,
      body: text,
      method: request.method,
      url,
    });
  }
}

export function apiError(method: string, url: string, response: Response, text: string): CanvasApiError {
  const { message, status } = canvasMessage(text, response.statusText || `HTTP ${response.status}`);
  return new CanvasApiError({
    status: response.status,
    canvasMessage: message,
    canvasStatus: status,
    body: text,
    method,
    url,
  });
}

/**
 * One request whose answer is a `{key: [...]}` envelope (Canvas wraps even single quiz objects):
 * its first element, or a {@link CanvasApiError} when there is none.
 */
export async function requestFirst<T>(client: CanvasClient, request: CanvasRequest, key: string): Promise<T> {
  const { data } = await requestCanvas(client, request);
  const list = (data as Record<string, unknown> | undefined)?.[key];
  const first: unknown = Array.isArray(list) ? list[0] : undefined;
  if (first === undefined) {
    throw new CanvasApiError({
      status: 200,
      canvasMessage: `no ${key} in the answer`,
      body: JSON.stringify(data ?? null),
      method: request.method,
      url: request.path,
    });
  }
  return first as T;
}
