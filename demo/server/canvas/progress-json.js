import { renderTime } from '../lib/time.js';

/** Api::V1::Progress#progress_json. */
export function progressJson(progress, base) {
  return {
    id: progress.id,
    context_id: progress.context_id,
    context_type: progress.context_type,
    user_id: progress.user_id,
    tag: progress.tag,
    completion: progress.completion,
    workflow_state: progress.workflow_state,
    created_at: renderTime(progress.created_at),
    updated_at: renderTime(progress.updated_at),
    message: progress.message,
    results: progress.results,
    url: `${base}/api/v1/progress/${progress.id}`,
  };
}
