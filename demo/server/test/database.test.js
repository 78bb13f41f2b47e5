import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApp } from '../app.js';
import { createClient, eventsPath, submissionsPath } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'canvas-emulator-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a file database uses WAL, is seeded once and keeps its data across restarts', async () => {
  const dbFile = join(dir, 'nested', 'canvas.sqlite');
  const first = await createApp({ dbFile });
  assert.equal(first.canvas.db.pragma('journal_mode', { simple: true }), 'wal');
  const seed = first.seedInfo;
  assert.deepEqual(seed, {
    courseId: seed.courseId,
    quizId: seed.quizId,
    oneAtATimeQuizId: seed.oneAtATimeQuizId,
    assignmentId: seed.assignmentId,
    student: { id: seed.student.id, token: 'student-token', name: 'Sam Student' },
    student2: { id: seed.student2.id, token: 'student2-token', name: 'Stella Second' },
    teacher: { id: seed.teacher.id, token: 'teacher-token', name: 'Tess Teacher' },
    ta: { id: seed.ta.id, token: 'ta-token', name: 'Tim Grader' },
  });
  await first.listen({ port: 0, host: '127.0.0.1' });
  const api = createClient(`http://127.0.0.1:${first.server.address().port}`);
  const fx = { courseId: seed.courseId, quizId: seed.quizId };
  const started = await api('POST', submissionsPath(fx), {
    token: 'student-token',
    json: { access_code: 'letmein' },
  });
  assert.equal(started.status, 200);
  const qs = started.json.quiz_submissions[0];
  await first.close();

  const second = await createApp({ dbFile });
  assert.deepEqual(second.seedInfo, seed, 'not seeded twice');
  await second.listen({ port: 0, host: '127.0.0.1' });
  const again = createClient(`http://127.0.0.1:${second.server.address().port}`);
  const events = await again('GET', eventsPath(fx, qs.id), { token: 'teacher-token' });
  assert.deepEqual(
    events.json.quiz_submission_events.map((e) => e.event_type),
    ['submission_created'],
  );
  const conflict = await again('POST', submissionsPath(fx), {
    token: 'student-token',
    json: { access_code: 'letmein' },
  });
  assert.equal(conflict.status, 409);
  assert.equal(second.canvas.db.prepare('SELECT COUNT(*) AS n FROM users').get().n, 4);
  await second.close();
});

test('seed data: a timed, access-coded, 2-attempt quiz with five question types', async () => {
  const app = await createApp();
  const { store } = app.canvas;
  const quiz = store.quizzes.find(app.seedInfo.courseId, app.seedInfo.quizId);
  assert.equal(quiz.time_limit, 30);
  assert.equal(quiz.access_code, 'letmein');
  assert.equal(quiz.allowed_attempts, 2);
  assert.equal(quiz.published, 1);
  assert.equal(store.courses.find(app.seedInfo.courseId).quiz_log_auditing, 1);
  const questions = store.quizzes.questions(quiz.id);
  assert.deepEqual(
    questions.map((q) => q.question_type),
    [
      'multiple_choice_question',
      'true_false_question',
      'short_answer_question',
      'multiple_answers_question',
      'essay_question',
    ],
  );
  assert.ok(questions.flatMap((q) => q.answers).every((answer) => Number.isInteger(answer.id)));
  await app.close();
});

test('seed data: a second quiz in the course, one question at a time, without access code', async () => {
  const app = await createApp();
  const { store } = app.canvas;
  const { courseId, quizId, oneAtATimeQuizId } = app.seedInfo;
  assert.notEqual(oneAtATimeQuizId, quizId);
  const quiz = store.quizzes.find(courseId, oneAtATimeQuizId);
  assert.equal(quiz.one_question_at_a_time, 1);
  assert.equal(quiz.cant_go_back, 0);
  assert.equal(quiz.access_code, null);
  assert.equal(quiz.time_limit, 20);
  assert.equal(quiz.allowed_attempts, -1);
  assert.equal(store.quizzes.questions(quiz.id).length, 5);
  assert.equal(store.quizzes.find(courseId, quizId).one_question_at_a_time, 0);
  await app.close();
});

test('a database seeded before the second quiz gains it once, keeping every other id', async () => {
  const dbFile = join(dir, 'older-seed.sqlite');
  const first = await createApp({ dbFile });
  const { oneAtATimeQuizId, ...older } = first.seedInfo;
  first.canvas.db
    .prepare(`UPDATE settings SET value = ? WHERE name = 'demo_seed'`)
    .run(JSON.stringify(older));
  first.canvas.db.prepare('DELETE FROM quiz_questions WHERE quiz_id = ?').run(oneAtATimeQuizId);
  first.canvas.db.prepare('DELETE FROM quizzes WHERE id = ?').run(oneAtATimeQuizId);
  await first.close();

  const second = await createApp({ dbFile });
  const upgraded = second.seedInfo;
  assert.deepEqual({ ...upgraded, oneAtATimeQuizId: undefined }, { ...older, oneAtATimeQuizId: undefined });
  const quiz = second.canvas.store.quizzes.find(upgraded.courseId, upgraded.oneAtATimeQuizId);
  assert.equal(quiz.one_question_at_a_time, 1);
  await second.close();
  const third = await createApp({ dbFile });
  assert.deepEqual(third.seedInfo, upgraded, 'upgraded once');
  await third.close();
});

test('main.js prints the base URL and the seeded users with their tokens', async () => {
  const main = fileURLToPath(new URL('../main.js', import.meta.url));
  const child = spawn(process.execPath, [main, '--port', '0', '--db', ':memory:', '--faults'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner: ${output}`)), 5000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('start: curl')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const url = /listening on (http:\/\/\S+)/.exec(output)[1];
  assert.match(output, /student\s+id 1\s+Sam Student\s+token student-token/);
  assert.match(output, /teacher\s+id 2\s+Tess Teacher\s+token teacher-token/);
  const control = await fetch(`${url}/__control/seed`);
  assert.equal(control.status, 200);
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
});
