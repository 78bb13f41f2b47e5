import { queryParameters } from '../http/rails-params.js';
import { renderCanvasPage } from './render-canvas-page.js';

// Sends a page in Canvas's layout with the brand config's theme file — unless the URL says
// `?global_includes=0`, Canvas's switch to load a page without the account's custom JS/CSS.
// No strict CSP: Canvas pages carry an inline ENV script. With `javascriptCsp`, Canvas's own
// policy (add_csp_for_root) is sent: it restricts frames only, never scripts or connections.

/** options: renderCanvasPage's, plus `status` (200). */
export function sendCanvasPage(request, reply, settings, { status = 200, ...options }) {
  const themeJsUrl =
    String(queryParameters(request).global_includes ?? '') === '0' ? null : settings.themeJsUrl(request);
  if (settings.javascriptCsp) reply.header('Content-Security-Policy', "frame-src 'self' blob:");
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(renderCanvasPage({ ...options, themeJsUrl, qlaDeliveryMs: settings.qlaDeliveryMs }));
}
