import { fileJson, resolveDuplicate } from '../canvas/file-uploads.js';
import { requireUser } from '../http/authenticate.js';
import { baseUrl } from '../http/base-url.js';
import { badRequest, notFound, unauthorized } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import { rubyToI } from '../lib/ruby.js';

/**
 * Steps 2 and 3 of the file upload protocol (step 1 lives with each context's routes), plus
 * reading a file back. The step-2 URL carries a secret token, so it needs no auth, as Canvas's
 * storage endpoints; it expires 30 minutes after step 1.
 */
export function filesRoutes(app, canvas) {
  const { store, clock, options } = canvas;

  // Step 2: multipart, every upload_param then `file`. Fields after the file are ignored by
  // Canvas's storage backends; the emulator accepts them too. Answer: 201 + Location (the
  // file is complete), body = the File JSON.
  app.post('/files_api/uploads/:token', async (request, reply) => {
    const pending = store.attachments.findByToken(String(request.params.token));
    if (!pending || pending.workflow_state !== 'pending') throw notFound();
    if (Date.parse(pending.upload_expires_at) < clock.now().getTime()) throw badRequest('upload expired');
    const file = (request.canvasFiles ?? []).find(([name]) => name === 'file')?.[1];
    if (!file) throw badRequest('file is missing');
    const displayName = resolveDuplicate(store, pending, pending.display_name);
    const done = store.attachments.finish(pending, {
      bytes: file.bytes,
      contentType: pending.content_type ?? (file.type || 'application/octet-stream'),
      displayName,
    });
    const base = baseUrl(request);
    reply.code(201).header('Location', `${base}/api/v1/files/${done.id}/create_success?uuid=${done.uuid}`);
    return fileJson(done, base);
  });

  /** The uploader's own file (unknown/deleted → 404; another user → unauthorized). */
  function ownFile(request) {
    const user = requireUser(request);
    const params = railsParams(request);
    const attachment = store.attachments.find(rubyToI(String(params.id ?? '')));
    if (!attachment || attachment.workflow_state === 'deleted') throw notFound();
    // Simplification: only the uploader reads a file through the API (Canvas also lets
    // graders read files attached to submissions; they get the download URL in Submission JSON).
    if (attachment.user_id !== user.id) throw unauthorized(options.apiAuthErrorUpdates);
    return { attachment, params };
  }

  // Step 3: GET, or POST with an empty body (the docs show both). The uuid must match
  // (mismatch → 404 here; Canvas's exact answer is UNVERIFIED).
  const confirm = async (request) => {
    const { attachment, params } = ownFile(request);
    if (String(params.uuid ?? '') !== attachment.uuid) throw notFound();
    if (attachment.workflow_state !== 'processed') throw badRequest('upload not finished');
    return fileJson(attachment, baseUrl(request));
  };
  app.get('/api/v1/files/:id/create_success', confirm);
  app.post('/api/v1/files/:id/create_success', confirm);

  app.get('/api/v1/files/:id', async (request) => fileJson(ownFile(request).attachment, baseUrl(request)));

  // The bytes, for the File JSON's `url` (the verifier is the uuid, as in Canvas's links).
  app.get('/files/:id/download', async (request, reply) => {
    const params = railsParams(request);
    const attachment = store.attachments.find(rubyToI(String(params.id ?? '')));
    if (!attachment || attachment.workflow_state !== 'processed' || params.verifier !== attachment.uuid)
      throw notFound();
    reply.type(attachment.content_type ?? 'application/octet-stream');
    reply.header(
      'Content-Disposition',
      `attachment; filename="${encodeURIComponent(attachment.display_name)}"`,
    );
    return reply.send(store.attachments.data(attachment.id));
  });
}
