import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { createFixture, startServer, T0 } from './helpers.js';

let server;
let api;
before(async () => {
  server = await startServer();
  api = server.api;
});
after(() => server.close());
beforeEach(() => {
  server.clock.ms = T0;
});

const subs = (fx) => `/api/v1/courses/${fx.courseId}/assignments/${fx.assignmentId}/submissions`;
const submit = (fx, submission, who = fx.student) =>
  api('POST', subs(fx), { token: who.token, json: { submission } });
const msg = (message) => ({ message });
const waitFor = async (fn) => {
  for (let i = 0; i < 50; i += 1) {
    const value = await fn();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
};

/** The three upload steps; returns the File JSON of step 3. */
async function upload(fx, preflightPath, who = fx.student, name = 'essay.txt', content = 'hello file') {
  const step1 = await api('POST', preflightPath, {
    token: who.token,
    json: { name, content_type: 'text/plain', on_duplicate: 'rename' },
  });
  assert.equal(step1.status, 200, step1.text);
  const form = new FormData();
  for (const [k, v] of Object.entries(step1.json.upload_params)) form.append(k, v);
  form.append('file', new Blob([content], { type: 'text/plain' }), name);
  const step2 = await fetch(step1.json.upload_url, { method: 'POST', body: form });
  assert.equal(step2.status, 201);
  const location = step2.headers.get('location');
  const step3 = await api('GET', location.slice(server.base.length), { token: who.token });
  assert.equal(step3.status, 200);
  return { file: step3.json, step1, location };
}

test('fixtures return assignmentId and the people', async () => {
  const fx = await createFixture(api);
  assert.equal(typeof fx.assignmentId, 'number');
  for (const key of ['student', 'student2', 'teacher', 'ta', 'observer']) assert.ok(fx[key].token);
});

test('submit (acceptance 25): 201 + Location; disallowed type and missing fields are 400 {message}', async () => {
  const fx = await createFixture(api);
  const r = await submit(fx, { submission_type: 'online_text_entry', body: '<p>mine</p>' });
  assert.equal(r.status, 201);
  assert.equal(r.headers.get('location'), `${server.base}${subs(fx)}/${fx.student.id}`);
  assert.equal(r.json.workflow_state, 'submitted');
  assert.equal(r.json.body, '<p>mine</p>');
  assert.equal(r.json.attempt, 1);
  assert.deepEqual(r.json.submission_comments, []);
  assert.deepEqual(
    (await submit(fx, { submission_type: 'media_recording' })).json,
    msg('Invalid submission[submission_type] given'),
  );
  assert.deepEqual(
    (await submit(fx, { submission_type: 'bogus' })).json,
    msg('Invalid submission[submission_type] given'),
  );
  let bad = await submit(fx, { submission_type: 'online_url' });
  assert.equal(bad.status, 400);
  assert.deepEqual(
    bad.json,
    msg('Invalid parameters for submission_type online_url. Required: submission[url]'),
  );
  bad = await submit(fx, { submission_type: 'online_upload', file_ids: [999999] });
  assert.deepEqual(bad.json, msg('No valid file ids given'));
  assert.equal(
    (await submit(fx, { submission_type: 'online_text_entry', body: 'x' }, fx.teacher)).status,
    401,
  );
  const url = await submit(fx, { submission_type: 'online_url', url: 'https://example.com' });
  assert.equal(url.json.attempt, 2);
});

test('file upload in 3 steps, then online_upload with file_ids; on_duplicate rename; expiry', async () => {
  const fx = await createFixture(api);
  const { file, step1 } = await upload(fx, `${subs(fx)}/self/files`);
  assert.equal(step1.json.file_param, 'file');
  assert.equal(file.display_name, 'essay.txt');
  assert.equal(file['content-type'], 'text/plain');
  assert.equal(file.size, 10);
  assert.equal(await (await fetch(file.url)).text(), 'hello file');
  // step 3 by POST with an empty body works too
  const again = await upload(fx, `${subs(fx)}/self/files`);
  assert.equal(again.file.display_name, 'essay-1.txt');
  const post = await api('POST', again.location.slice(server.base.length), { token: fx.student.token });
  assert.equal(post.status, 200);
  // another user cannot confirm it
  assert.equal(
    (await api('GET', again.location.slice(server.base.length), { token: fx.student2.token })).status,
    401,
  );
  // someone else's file is not a valid file id
  const other = await upload(fx, `${subs(fx)}/self/files`, fx.student2);
  assert.deepEqual(
    (await submit(fx, { submission_type: 'online_upload', file_ids: [other.file.id] })).json,
    msg('No valid file ids given'),
  );
  const r = await submit(fx, { submission_type: 'online_upload', file_ids: [file.id] });
  assert.equal(r.status, 201);
  assert.deepEqual(
    r.json.attachments.map((a) => a.id),
    [file.id],
  );
  // a preflight for somebody else is refused; an expired upload URL is 400
  assert.equal(
    (
      await api('POST', `${subs(fx)}/${fx.student2.id}/files`, {
        token: fx.student.token,
        json: { name: 'a' },
      })
    ).status,
    401,
  );
  const late = await api('POST', `${subs(fx)}/self/files`, {
    token: fx.student.token,
    json: { name: 'late.txt' },
  });
  server.clock.ms += 31 * 60_000;
  const form = new FormData();
  form.append('file', new Blob(['x']), 'late.txt');
  assert.equal((await fetch(late.json.upload_url, { method: 'POST', body: form })).status, 400);
  // comment attachments: preflight for graders and the owner
  const comment = await upload(fx, `${subs(fx)}/${fx.student.id}/comments/files`, fx.teacher, 'notes.txt');
  const graded = await api('PUT', `${subs(fx)}/${fx.student.id}`, {
    token: fx.teacher.token,
    json: { comment: { text_comment: 'see file', file_ids: [comment.file.id] } },
  });
  assert.equal(graded.json.submission_comments[0].attachments[0].id, comment.file.id);
});

test('list, show (self), multi-assignment list with grouped, rights', async () => {
  const fx = await createFixture(api);
  await submit(fx, { submission_type: 'online_text_entry', body: 'a' });
  const list = await api('GET', `${subs(fx)}?per_page=1&include[]=user`, { token: fx.teacher.token });
  assert.equal(list.status, 200);
  assert.equal(list.json.length, 1);
  assert.match(list.headers.get('link'), /rel="next"/);
  assert.equal(list.json[0].user.id, fx.student.id);
  assert.equal((await api('GET', subs(fx), { token: fx.student.token })).status, 401);
  const self = await api('GET', `${subs(fx)}/self?include[]=assignment&include[]=read_status`, {
    token: fx.student.token,
  });
  assert.equal(self.json.user_id, fx.student.id);
  assert.equal(self.json.assignment.id, fx.assignmentId);
  assert.equal(self.json.read_status, 'read');
  assert.equal((await api('GET', `${subs(fx)}/${fx.student.id}`, { token: fx.student2.token })).status, 401);
  assert.equal((await api('GET', `${subs(fx)}/${fx.student.id}`, { token: fx.observer.token })).status, 200);
  assert.equal((await api('GET', `${subs(fx)}/${fx.teacher.id}`, { token: fx.teacher.token })).status, 404);
  const multi = `/api/v1/courses/${fx.courseId}/students/submissions`;
  const grouped = await api(
    'GET',
    `${multi}?student_ids[]=all&grouped=1&assignment_ids[]=${fx.assignmentId}`,
    { token: fx.ta.token },
  );
  assert.deepEqual(
    grouped.json.map((g) => g.user_id),
    [fx.student.id, fx.student2.id],
  );
  assert.equal(grouped.json[0].submissions[0].body, 'a');
  const mine = await api('GET', multi, { token: fx.student.token });
  assert.deepEqual(
    mine.json.map((s) => s.user_id),
    [fx.student.id],
  );
  assert.equal(
    (await api('GET', `${multi}?student_ids[]=${fx.student2.id}`, { token: fx.student.token })).status,
    401,
  );
  assert.equal((await api('GET', `${multi}?student_ids[]=all`, { token: fx.student.token })).status, 401);
});

test('grade: points, percent, letter, pass/fail, excuse, comment, rubric, include[visibility]', async () => {
  const put = (fx, body, who = fx.teacher, user = fx.student.id) =>
    api('PUT', `${subs(fx)}/${user}`, { token: who.token, json: body });
  const fx = await createFixture(api);
  let r = await put(fx, { submission: { posted_grade: '7.5' }, include: { visibility: true } });
  assert.equal(r.status, 200);
  assert.equal(r.json.score, 7.5);
  assert.equal(r.json.grade, '7.5');
  assert.equal(r.json.workflow_state, 'graded');
  assert.equal(r.json.grader_id, fx.teacher.id);
  assert.equal(r.json.assignment_visible, true);
  r = await put(fx, { submission: { posted_grade: '40%' } });
  assert.equal(r.json.score, 4);
  r = await put(fx, { submission: { posted_grade: 'B' } }, fx.ta);
  assert.equal(r.json.score, 8.4);
  r = await put(fx, { submission: { excuse: true } });
  assert.equal(r.json.excused, true);
  assert.equal(r.json.score, null);
  r = await put(fx, {
    comment: { text_comment: 'nice' },
    rubric_assessment: { crit_clarity: { points: 5, rating_id: 'rat_clear' } },
  });
  assert.equal(r.json.submission_comments.at(-1).comment, 'nice');
  const show = await api('GET', `${subs(fx)}/${fx.student.id}?include[]=rubric_assessment`, {
    token: fx.teacher.token,
  });
  assert.deepEqual(show.json.rubric_assessment.crit_clarity, {
    rating_id: 'rat_clear',
    comments: null,
    points: 5,
  });
  // students may comment on their own submission but not grade it
  assert.equal((await put(fx, { comment: { text_comment: 'thanks' } }, fx.student)).status, 200);
  assert.equal((await put(fx, { submission: { posted_grade: '10' } }, fx.student)).status, 401);
  assert.equal((await put(fx, { comment: { text_comment: 'x' } }, fx.student2)).status, 401);
  const pf = await createFixture(api, { gradingType: 'pass_fail' });
  assert.equal((await put(pf, { submission: { posted_grade: 'pass' } })).json.grade, 'complete');
  const letter = await createFixture(api, { gradingType: 'letter_grade' });
  assert.equal((await put(letter, { submission: { posted_grade: '9.1' } })).json.grade, 'A-');
});

test('read state: PUT/DELETE read and read/:item → 204; bulk_mark_read → 204', async () => {
  const fx = await createFixture(api);
  const base = `${subs(fx)}/${fx.student.id}`;
  const state = async () =>
    (await api('GET', `${base}?include[]=read_status`, { token: fx.student.token })).json.read_status;
  await api('PUT', base, { token: fx.teacher.token, json: { submission: { posted_grade: '5' } } });
  assert.equal(await state(), 'unread');
  let r = await api('PUT', `${base}/read`, { token: fx.student.token });
  assert.equal(r.status, 204);
  assert.equal(r.text, '');
  assert.equal(await state(), 'read');
  assert.equal((await api('DELETE', `${base}/read`, { token: fx.student.token })).status, 204);
  assert.equal(await state(), 'unread');
  for (const item of ['grade', 'comment', 'rubric'])
    assert.equal((await api('PUT', `${base}/read/${item}`, { token: fx.student.token })).status, 204);
  assert.equal(await state(), 'read');
  assert.equal((await api('PUT', `${base}/read/bogus`, { token: fx.student.token })).status, 400);
  await api('DELETE', `${base}/read`, { token: fx.student.token });
  const id = (await api('GET', base, { token: fx.student.token })).json.id;
  r = await api('PUT', `/api/v1/courses/${fx.courseId}/submissions/bulk_mark_read`, {
    token: fx.student.token,
    json: { submissionIds: [id] },
  });
  assert.equal(r.status, 204);
  assert.equal(await state(), 'read');
});

test('update_grades: 400 bare string, 401 for students, 200 Progress that completes (both forms)', async () => {
  const fx = await createFixture(api);
  const assignmentForm = `${subs(fx)}/update_grades`;
  let r = await api('POST', assignmentForm, { token: fx.teacher.token, json: {} });
  assert.equal(r.status, 400);
  assert.equal(r.text, '"\'grade_data\' parameter required"');
  assert.equal(
    (await api('POST', assignmentForm, { token: fx.teacher.token, json: { grade_data: {} } })).status,
    400,
  );
  assert.equal(
    (
      await api('POST', assignmentForm, {
        token: fx.student.token,
        json: { grade_data: { [fx.student.id]: { posted_grade: '1' } } },
      })
    ).status,
    401,
  );
  r = await api('POST', assignmentForm, {
    token: fx.teacher.token,
    form: `grade_data[${fx.student.id}][posted_grade]=6&grade_data[${fx.student2.id}][text_comment]=hi`,
  });
  assert.equal(r.status, 200);
  assert.equal(r.json.tag, 'submissions_update');
  assert.equal(r.json.workflow_state, 'queued');
  assert.equal(r.json.url, `${server.base}/api/v1/progress/${r.json.id}`);
  const done = await waitFor(async () => {
    const p = await api('GET', `/api/v1/progress/${r.json.id}`, { token: fx.teacher.token });
    return p.json.workflow_state === 'completed' && p.json;
  });
  assert.equal(done.completion, 100);
  const graded = await api('GET', `${subs(fx)}/${fx.student.id}`, { token: fx.teacher.token });
  assert.equal(graded.json.score, 6);
  assert.equal((await api('GET', `/api/v1/progress/${r.json.id}`, { token: fx.student.token })).status, 401);
  const course = await api('POST', `/api/v1/courses/${fx.courseId}/submissions/update_grades`, {
    token: fx.ta.token,
    json: { grade_data: { [fx.assignmentId]: { [fx.student2.id]: { posted_grade: '9' } } } },
  });
  assert.equal(course.status, 200);
  await waitFor(
    async () =>
      (await api('GET', `/api/v1/progress/${course.json.id}`, { token: fx.ta.token })).json.workflow_state ===
      'completed',
  );
  assert.equal((await api('GET', `${subs(fx)}/${fx.student2.id}`, { token: fx.ta.token })).json.score, 9);
  assert.equal((await api('GET', '/api/v1/progress/999999', { token: fx.ta.token })).status, 404);
});

test('peer reviews: create, list (assignment / submission), delete, Create/Delete failed', async () => {
  const fx = await createFixture(api);
  const submissionId = (await api('GET', `${subs(fx)}/${fx.student.id}`, { token: fx.teacher.token })).json
    .id;
  const path = `${subs(fx)}/${submissionId}/peer_reviews`;
  let r = await api('POST', path, { token: fx.teacher.token, json: { user_id: fx.student.id } });
  assert.equal(r.status, 400);
  assert.deepEqual(r.json, { errors: { base: 'Create failed' } });
  r = await api('POST', path, { token: fx.teacher.token, json: { user_id: fx.student2.id } });
  assert.equal(r.status, 200);
  assert.deepEqual(
    { ...r.json, id: 0 },
    {
      id: 0,
      assessor_id: fx.student2.id,
      asset_id: submissionId,
      asset_type: 'Submission',
      user_id: fx.student.id,
      workflow_state: 'assigned',
    },
  );
  assert.equal(
    (await api('POST', path, { token: fx.student.token, json: { user_id: fx.student2.id } })).status,
    401,
  );
  const all = await api(
    'GET',
    `/api/v1/courses/${fx.courseId}/assignments/${fx.assignmentId}/peer_reviews?include[]=user`,
    { token: fx.teacher.token },
  );
  assert.equal(all.json.length, 1);
  assert.equal(all.json[0].assessor.id, fx.student2.id);
  assert.equal((await api('GET', path, { token: fx.student.token })).json.length, 1, 'the assessee sees it');
  assert.equal(
    (await api('GET', path, { token: fx.student2.token })).json.length,
    0,
    'a non-grader sees only their own',
  );
  r = await api('DELETE', `${path}?user_id=${fx.student2.id}`, { token: fx.teacher.token });
  assert.equal(r.status, 200);
  assert.equal(r.json.assessor_id, fx.student2.id);
  r = await api('DELETE', `${path}?user_id=${fx.student2.id}`, { token: fx.teacher.token });
  assert.deepEqual(r.json, { errors: { base: 'Delete failed' } });
});

test('gradebook history: days, date, submissions versions, feed; graders only', async () => {
  const fx = await createFixture(api);
  const put = (who, user, grade) =>
    api('PUT', `${subs(fx)}/${user}`, { token: who.token, json: { submission: { posted_grade: grade } } });
  await put(fx.teacher, fx.student.id, '5');
  server.clock.ms += 60_000;
  await put(fx.ta, fx.student.id, '7');
  await put(fx.ta, fx.student2.id, '3');
  const base = `/api/v1/courses/${fx.courseId}/gradebook_history`;
  const days = await api('GET', `${base}/days`, { token: fx.teacher.token });
  assert.equal(days.status, 200);
  assert.deepEqual(days.json, [
    {
      date: '2030-01-15',
      graders: [
        { id: fx.teacher.id, name: fx.teacher.name, assignments: [fx.assignmentId] },
        { id: fx.ta.id, name: fx.ta.name, assignments: [fx.assignmentId] },
      ],
    },
  ]);
  assert.equal((await api('GET', `${base}/2030-01-15`, { token: fx.teacher.token })).json.length, 2);
  assert.deepEqual((await api('GET', `${base}/2030-01-16`, { token: fx.teacher.token })).json, []);
  assert.equal((await api('GET', `${base}/yesterday`, { token: fx.teacher.token })).status, 404);
  const versions = await api(
    'GET',
    `${base}/2030-01-15/graders/${fx.ta.id}/assignments/${fx.assignmentId}/submissions`,
    { token: fx.teacher.token },
  );
  assert.equal(versions.json.length, 2);
  const first = versions.json.find((v) => v.versions[0].user_id === fx.student.id).versions[0];
  assert.equal(first.new_grade, '7');
  assert.equal(first.previous_grade, '5');
  assert.equal(first.previous_grader, fx.teacher.name);
  assert.equal(first.current_grade, '7');
  const feed = await api('GET', `${base}/feed?per_page=2`, { token: fx.teacher.token });
  assert.equal(feed.json.length, 2);
  assert.match(feed.headers.get('link'), /rel="next"/);
  assert.equal(feed.json[0].grade, '3', 'newest first');
  assert.ok(!('new_grade' in feed.json[0]));
  const asc = await api('GET', `${base}/feed?ascending=1&user_id=${fx.student.id}`, {
    token: fx.teacher.token,
  });
  assert.deepEqual(
    asc.json.map((v) => v.grade),
    ['5', '7'],
  );
  assert.equal((await api('GET', `${base}/days`, { token: fx.student.token })).status, 401);
});
