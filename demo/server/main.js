#!/usr/bin/env node
// The emulator's command line:
//   node demo/server/main.js [--port 3000] [--host 127.0.0.1] [--db <file>|:memory:] [--faults]
// The default database is demo/data/canvas.sqlite (git-ignored), created and seeded on first run.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from './app.js';

export const DEFAULT_DB_FILE = fileURLToPath(new URL('../data/canvas.sqlite', import.meta.url));

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '127.0.0.1' },
    db: { type: 'string', default: DEFAULT_DB_FILE },
    faults: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'usage: node demo/server/main.js [--port 3000] [--host 127.0.0.1] [--db <file>|:memory:] [--faults]',
  );
  process.exit(0);
}

const app = await createApp({ dbFile: values.db, faults: values.faults, logger: { level: 'warn' } });
await app.listen({ port: Number(values.port), host: values.host });
const { port } = app.server.address();
const base = `http://${values.host.includes(':') ? `[${values.host}]` : values.host}:${port}`;

console.log(`Canvas emulator listening on ${base}`);
console.log(`database: ${values.db}${values.faults ? '   (fault injection: /__control/* enabled)' : ''}`);
const seed = app.seedInfo;
if (seed) {
  console.log(
    `course ${seed.courseId}, quiz ${seed.quizId} (access code "letmein"), quiz ${seed.oneAtATimeQuizId} (one question at a time), assignment ${seed.assignmentId}`,
  );
  console.log(
    `Canvas's quiz page: ${base}/login?as=student&return_to=/courses/${seed.courseId}/quizzes/${seed.quizId}`,
  );
  for (const role of ['student', 'student2', 'teacher', 'ta']) {
    const person = seed[role];
    console.log(
      `  ${role.padEnd(8)} id ${person.id}  ${person.name.padEnd(14)} token ${person.token}   log in: ${base}/login?as=${role}`,
    );
  }
  console.log(
    `start: curl -X POST -H "Authorization: Bearer ${seed.student.token}" -d access_code=letmein ${base}/api/v1/courses/${seed.courseId}/quizzes/${seed.quizId}/submissions`,
  );
}

const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
