// `npm start`: installs what is missing, builds the SDK, then serves the Canvas-compatible server
// with its seed data: the demo's own quiz page that starts the IIFE through its API, a teacher's
// page, and Canvas's own quiz pages loading the SDK as Theme Editor JavaScript from a second port.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, ensureDependencies } from '../scripts/prepare.js';
import { canvasThemeLinks } from './pages/render-log-page.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'theme-port': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: 'demo/data/canvas.sqlite' },
    'no-build': { type: 'boolean', default: false },
  },
});

ensureDependencies();
if (!values['no-build']) build();

const { startDemo } = await import('./start-demo.js');
if (values.db !== ':memory:') mkdirSync(dirname(values.db), { recursive: true });
const { url, themeUrl, app } = await startDemo({
  dbFile: values.db,
  port: Number(values.port),
  host: values.host,
  themePort: values['theme-port'] === undefined ? undefined : Number(values['theme-port']),
});
const seed = app.seedInfo;
const submission = app.canvas.store.quizSubmissions.findForUser(seed.quizId, seed.student.id);
const canvas = canvasThemeLinks(seed, submission?.id ?? null);
console.log(`
quiz-proctor demo on ${url}

  Start here:             ${url}/

  The SDK's API, on the demo's own page:
  Student's quiz page:    ${url}/login?as=student&return_to=/app/courses/${seed.courseId}/quizzes/${seed.quizId}/take
  Teacher's evidence log: ${url}${canvas.evidence}

  Canvas theme: Canvas's quiz pages, the SDK loaded from ${themeUrl}
  Student (quiz page):    ${url}${canvas.student}
  Teacher:                ${url}${canvas.teacher}
                          (${submission ? "the attempt's quiz log" : 'the quiz page; the start page links the quiz log once the student started'})
  (The teacher's login ends the student's session in that browser: use a private window.)

  Seeded users (tokens for the API): ${seed.student.name} ${seed.student.token}, ${seed.teacher.name} ${seed.teacher.token}
  Database: ${values.db}   Stop with Ctrl+C.
`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
