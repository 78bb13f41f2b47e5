import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

export const THEME_PATH = '/quiz-proctor-theme.js';

// What a school uploads in Canvas's Theme Editor: its settings, then the SDK's IIFE. The SDK
// reads the settings (docs/canvas-theme.md). The demo school hosts the review file itself (the
// demo server's /dist/), as a school does that does not load it from jsDelivr.
const configBlock = (reviewScriptUrl) => `// quiz-proctor: the school's settings (see docs/canvas-theme.md).
window.QUIZ_PROCTOR_CONFIG = {
  // Every other setting keeps its default.${
    reviewScriptUrl ? `\n  reviewScriptUrl: ${JSON.stringify(reviewScriptUrl)},` : ''
  }
};
`;

/** The theme file, with the SDK read at request time so a rebuild shows on the next page load. */
async function themeFile(sdkFile, reviewScriptUrl) {
  let sdk;
  try {
    sdk = await readFile(sdkFile, 'utf8');
  } catch {
    sdk = `console.error('quiz-proctor: ${sdkFile} is not built; run npm run build');\n`;
  }
  return `${configBlock(reviewScriptUrl)}\n${sdk}`;
}

/**
 * A tiny HTTP server standing for Canvas's file store (S3 or a CDN), the other origin that
 * serves Theme Editor JavaScript: GET THEME_PATH and nothing else. `reviewScriptUrl(hostname)`
 * gives the review file's URL for the host name the browser used. Resolves { port, close }.
 */
export async function startThemeServer({ host, port, sdkFile, reviewScriptUrl = () => undefined }) {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== THEME_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const hostname = (request.headers.host ?? 'localhost').replace(/:\d+$/, '');
    themeFile(sdkFile, reviewScriptUrl(hostname)).then((body) => {
      response.writeHead(200, {
        'Content-Type': 'text/javascript; charset=utf-8',
        'Cache-Control': 'no-cache',
        'Content-Length': Buffer.byteLength(body),
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: server.address().port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
