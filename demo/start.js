// `npm start`: installs what is missing, builds the SDK, then serves the Canvas-compatible server
// with its seed data, a quiz page in Canvas's markup that loads the IIFE, and a teacher's page.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, ensureDependencies } from '../scripts/prepare.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: 'demo/data/canvas.sqlite' },
    'no-build': { type: 'boolean', default: false },
  },
});

ensureDependencies();
if (!values['no-build']) build();

const { startDemo } = await import('./start-demo.js');
if (values.db !== ':memory:') mkdirSync(dirname(values.db), { recursive: true });
const { url, app } = await startDemo({ dbFile: values.db, port: Number(values.port), host: values.host });
const seed = app.seedInfo;
console.log(`
quiz-proctor demo on ${url}

  Start here:             ${url}/
  Student's quiz page:    ${url}/login?as=student&return_to=/courses/${seed.courseId}/quizzes/${seed.quizId}/take
  Teacher's evidence log: ${url}/courses/${seed.courseId}/quizzes/${seed.quizId}/log

  Seeded users (tokens for the API): ${seed.student.name} ${seed.student.token}, ${seed.teacher.name} ${seed.teacher.token}
  Database: ${values.db}   Stop with Ctrl+C.
`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
