import type { CanvasClient } from '../core/canvas-client.js';
import type { Id } from '../core/id.js';
import { path } from '../core/path.js';
import { requestCanvas } from '../core/request-canvas.js';
import type { Progress } from './progress.js';

/**
 * A background job's state.
 * `GET /api/v1/progress/:id`
 */
export async function getProgress<I extends Id>(
  client: CanvasClient<I>,
  params: { id: Id },
): Promise<Progress<I>> {
  const { data } = await requestCanvas(client, { method: 'GET', path: path`api/v1/progress/${params.id}` });
  return data as Progress<I>;
}
