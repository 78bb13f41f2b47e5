// CaptureMemory keys are named after the event they keep from repeating within an attempt.
export const SESSION_STARTED_KEY = 'session_started';

export function questionViewedKey(questionId: string): string {
  return `question_viewed:${questionId}`;
}
