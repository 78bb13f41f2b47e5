// Tiny HTML helpers for the demo's server-rendered pages.
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** A whole page. No inline script or style: the demo runs under a strict CSP, as quiz pages may. */
export function page({ title, body, scripts = [], modules = [], bodyAttributes = '' }) {
  // Deferred scripts and modules run in this order once the page is parsed: scripts first.
  const tags = [
    ...scripts.map((src) => `<script src="${escapeHtml(src)}" defer></script>`),
    ...modules.map((src) => `<script type="module" src="${escapeHtml(src)}"></script>`),
  ].join('\n    ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="/demo/demo.css" />
    ${tags}
  </head>
  <body ${bodyAttributes}>
${body}
  </body>
</html>
`;
}
