import { CONTENT_ITEMS } from '../store/content-participations-store.js';

/**
 * Submission#read_state(user): only the owner has unread state. A recorded participation wins
 * (any unread item → "unread"); with none, a posted grade or someone else's comment is unread.
 */
export function readState(store, submission, user) {
  if (!user || user.id !== submission.user_id) return 'read';
  const rows = store.participations.forUser(submission.id, user.id);
  if (rows.length > 0) return rows.some((row) => row.workflow_state === 'unread') ? 'unread' : 'read';
  const graded = submission.workflow_state === 'graded' && submission.posted_at != null;
  const othersComment = store.submissions.comments(submission.id).some((c) => c.author_id !== user.id);
  return graded || othersComment ? 'unread' : 'read';
}

/** mark_read / mark_unread: every item, or one (grade | comment | rubric). */
export function markRead(store, submission, userId, state, item = null) {
  for (const name of item ? [item] : CONTENT_ITEMS)
    store.participations.mark(submission.id, userId, name, state);
}
