import { badRequest } from '../http/canvas-errors.js';
import { presentString } from '../lib/ruby.js';
import { renderTime } from '../lib/time.js';

// Canvas's file upload protocol (doc/api/file_uploads.md), on this same server:
//  1. a preflight (per context: submission, submission comment, quiz submission) creates a
//     pending Attachment and answers {upload_url, upload_params, file_param};
//  2. POST upload_url as multipart with every upload_param and `file` last, no auth → 201 +
//     Location (the upload is complete at this point);
//  3. an authenticated GET (or POST, Content-Length: 0) of Location → the File JSON.

export const UPLOAD_TTL_MS = 30 * 60_000;

/** Step 1: validates `name`, creates the pending file and returns the preflight JSON. */
export function preflight(store, base, { user, contextType, contextId, params, purpose, folderPath }) {
  const name = presentString(params.name);
  if (!name) throw badRequest('name is missing');
  const onDuplicate = params.on_duplicate === 'rename' ? 'rename' : 'overwrite';
  const attachment = store.attachments.createPending(
    {
      context_type: contextType,
      context_id: contextId,
      user_id: user.id,
      folder_path: folderPath,
      display_name: name,
      content_type: presentString(params.content_type),
      size: params.size == null ? null : Number(params.size) || null,
      on_duplicate: onDuplicate,
      purpose,
    },
    UPLOAD_TTL_MS,
  );
  return {
    upload_url: `${base}/files_api/uploads/${attachment.upload_token}`,
    upload_params: {
      filename: name,
      content_type: attachment.content_type ?? 'application/octet-stream',
    },
    file_param: 'file',
    progress: null,
  };
}

/**
 * on_duplicate (applied when the bytes arrive): `overwrite` (default) replaces a same-named file
 * in the same folder (the old one is deleted); `rename` picks "name-1.ext", "name-2.ext"...
 */
export function resolveDuplicate(store, attachment, displayName) {
  const siblings = store.attachments.siblings(attachment);
  if (attachment.on_duplicate === 'overwrite') {
    for (const sibling of siblings.filter((s) => s.display_name === displayName))
      store.attachments.markDeleted(sibling.id);
    return displayName;
  }
  const taken = new Set(siblings.map((s) => s.display_name));
  if (!taken.has(displayName)) return displayName;
  const dot = displayName.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [displayName.slice(0, dot), displayName.slice(dot)] : [displayName, ''];
  for (let n = 1; ; n += 1) if (!taken.has(`${stem}-${n}${ext}`)) return `${stem}-${n}${ext}`;
}

const mimeClass = (type) => {
  if (!type) return 'file';
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('text/')) return 'text';
  if (type === 'application/pdf') return 'pdf';
  return 'file';
};

/** Api::V1::Attachment#attachment_json (the keys a client reads). */
export function fileJson(attachment, base) {
  return {
    id: attachment.id,
    uuid: attachment.uuid,
    folder_id: null,
    display_name: attachment.display_name,
    filename: attachment.display_name,
    upload_status: attachment.workflow_state === 'processed' ? 'success' : 'pending',
    'content-type': attachment.content_type,
    url: `${base}/files/${attachment.id}/download?download_frd=1&verifier=${attachment.uuid}`,
    size: attachment.size,
    created_at: renderTime(attachment.created_at),
    updated_at: renderTime(attachment.updated_at),
    unlock_at: null,
    locked: false,
    hidden: false,
    lock_at: null,
    hidden_for_user: false,
    thumbnail_url: null,
    modified_at: renderTime(attachment.updated_at),
    mime_class: mimeClass(attachment.content_type),
    media_entry_id: null,
    locked_for_user: false,
  };
}
