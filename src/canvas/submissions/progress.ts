import type { Id } from '../core/id.js';

/** A background job (`Progress` object), e.g. from {@link updateGrades}. */
export interface Progress<I extends Id = Id> {
  id: I;
  context_id: I;
  context_type: string;
  user_id: I | null;
  tag: string;
  /** Percent, 0..100. */
  completion: number | null;
  workflow_state: 'queued' | 'running' | 'completed' | 'failed';
  created_at: string;
  updated_at: string;
  message: string | null;
  results?: unknown;
  /** The API URL to poll. */
  url: string;
}
