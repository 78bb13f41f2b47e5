import type { KyInstance } from 'ky';
import type { SubmissionRef } from '../api/proctor-options.js';
import { ProctorError } from '../errors/proctor-error.js';
import { canvasPaths } from '../transport/canvas-paths.js';

interface QuizSubmissionJson {
  id: string | number;
  attempt: number;
  validation_token: string;
  workflow_state: string;
}

function refOf(json: QuizSubmissionJson): SubmissionRef {
  return { id: String(json.id), attempt: json.attempt, validationToken: json.validation_token };
}

async function canvasMessage(response: Response): Promise<string> {
  const text = await response.text().catch(() => '');
  try {
    const json = JSON.parse(text.replace(/^while\(1\);/, '')) as {
      message?: string;
      errors?: { message?: string }[];
    };
    return json.message ?? json.errors?.[0]?.message ?? text;
  } catch {
    return text;
  }
}

/**
 * Starts an attempt, or adopts the untaken one Canvas says already exists (409).
 * The full session manager (resume from the store, completion, time) builds on this.
 */
export async function startSubmission(
  http: KyInstance,
  courseId: string,
  quizId: string,
  accessCode: string | undefined,
): Promise<SubmissionRef> {
  const path = canvasPaths.submissions(courseId, quizId);
  const json: Record<string, unknown> = {};
  if (accessCode !== undefined) json.access_code = accessCode;
  const started = await http.post(path, { json });
  if (started.ok) {
    const body = await started.json<{ quiz_submissions: QuizSubmissionJson[] }>();
    const first = body.quiz_submissions[0];
    if (first) return refOf(first);
  }
  if (started.status === 409) {
    const current = await http.get(canvasPaths.submission(courseId, quizId, 'self'));
    if (current.ok) {
      const body = await current.json<{ quiz_submissions: QuizSubmissionJson[] }>();
      const untaken = body.quiz_submissions.find((qs) => qs.workflow_state === 'untaken');
      if (untaken) return refOf(untaken);
    }
  }
  throw new ProctorError('session_failed', `HTTP ${started.status}: ${await canvasMessage(started)}`);
}
