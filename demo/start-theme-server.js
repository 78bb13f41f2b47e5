import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';

export const THEME_PATH = '/quiz-proctor-theme.js';

// What a school uploads in Canvas's Theme Editor: its settings, then the SDK's IIFE. The SDK
// reads the settings (docs/canvas-theme.md); the demo sets none yet.
const CONFIG_BLOCK = `// quiz-proctor: the school's settings (see docs/canvas-theme.md).
window.QUIZ_PROCTOR_CONFIG = {
  // The demo school keeps every default.
};
`;

/** The theme file, with the SDK read at request time so a rebuild shows on the next page load. */
async function themeFile(sdkFile) {
  let sdk;
  try {
    sdk = await readFile(sdkFile, 'utf8');
  } catch {
    sdk = `console.error('quiz-proctor: ${sdkFile} is not built; run npm run build');\n`;
  }
  return `${CONFIG_BLOCK}\n${sdk}`;
}

/**
 * A tiny HTTP server standing for Canvas's file store (S3 or a CDN), the other origin that
 * serves Theme Editor JavaScript: GET THEME_PATH and nothing else. Resolves { port, close }.
 */
export async function startThemeServer({ host, port, sdkFile }) {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== THEME_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    themeFile(sdkFile).then((body) => {
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
