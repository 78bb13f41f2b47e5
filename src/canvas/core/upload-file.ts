import type { CanvasClient } from './canvas-client.js';
import type { CanvasFile, FileUploadInput, UploadTicket } from './canvas-file.js';
import { CanvasNetworkError } from './canvas-network-error.js';
import type { Id } from './id.js';
import { apiError, requestCanvas } from './request-canvas.js';

/**
 * Canvas's three-step upload (`doc/api/file_uploads.md`): ask `path` for a ticket, POST the bytes
 * to the ticket's URL, then confirm at the `Location` it answers with.
 */
export async function uploadFile<I extends Id>(
  client: CanvasClient<I>,
  path: string,
  input: FileUploadInput,
  extra: Record<string, unknown> = {},
): Promise<CanvasFile<I>> {
  const json: Record<string, unknown> = {
    ...extra,
    name: input.name,
    size: input.file.size,
    content_type: input.contentType ?? (input.file.type || 'application/octet-stream'),
  };
  if (input.onDuplicate !== undefined) json.on_duplicate = input.onDuplicate;
  const { data } = await requestCanvas(client, { method: 'POST', path, json });
  const ticket = data as UploadTicket;

  // Every upload_param unchanged, and the file last: storage backends (S3) ignore fields after it.
  const form = new FormData();
  for (const [key, value] of Object.entries(ticket.upload_params)) form.append(key, value);
  form.append('file', input.file, input.name);
  let uploaded: Response;
  let text: string;
  try {
    // Plain fetch without credentials: the upload URL may be a third-party store that must not
    // see the Canvas token or cookies.
    uploaded = await fetch(ticket.upload_url, { method: 'POST', body: form, credentials: 'omit' });
    text = await uploaded.text();
  } catch (error) {
    throw new CanvasNetworkError('POST', ticket.upload_url, error);
  }
  const location = uploaded.headers.get('Location');
  if (location !== null) return confirm(client, new URL(location, uploaded.url || ticket.upload_url).href);
  if (uploaded.ok && !uploaded.redirected) {
    const file = parseFile<I>(text);
    if (file !== undefined) return file;
  }
  // A 3xx was followed without credentials; confirm at the URL it led to, this time authenticated.
  if (uploaded.redirected) return confirm(client, uploaded.url);
  throw apiError('POST', ticket.upload_url, uploaded, text);
}

async function confirm<I extends Id>(client: CanvasClient<I>, url: string): Promise<CanvasFile<I>> {
  const { data } = await requestCanvas(client, { method: 'GET', path: url });
  return data as CanvasFile<I>;
}

function parseFile<I extends Id>(text: string): CanvasFile<I> | undefined {
  try {
    const json = JSON.parse(text) as Partial<CanvasFile<I>> | null;
    return json !== null && typeof json === 'object' && json.id !== undefined
      ? (json as CanvasFile<I>)
      : undefined;
  } catch {
    return undefined;
  }
}
