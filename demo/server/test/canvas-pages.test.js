// Canvas's classic-quiz HTML pages: what page JavaScript can see (canvas-pages.md §1–§3, §5).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createFixture, startServer } from './helpers.js';
import {
  authenticityToken,
  createPageSession,
  envOf,
  inputValue,
  quizPath,
  quizUrlsSpan,
  startFromQuizPage,
} from './page-helpers.js';

let server;
let fx;

before(async () => {
  server = await startServer();
  fx = await createFixture(server.api);
});
after(() => server.close());

const studentSession = async (who = fx.student) => {
  const session = createPageSession(server.base);
  await session.logIn(who);
  return session;
};
const submissionOf = (quizId, userId) => server.app.canvas.store.quizSubmissions.findForUser(quizId, userId);

describe('sessions', () => {
  test('a page without a session redirects to /login with return_to', async () => {
    const anonymous = createPageSession(server.base);
    for (const path of [`/courses/${fx.courseId}`, `${quizPath(fx)}`, `${quizPath(fx)}/take`]) {
      const r = await anonymous.get(path);
      assert.equal(r.status, 302, path);
      assert.equal(r.location, `/login?return_to=${encodeURIComponent(path)}`);
    }
  });

  test('someone outside the course gets the 401 page; an unknown quiz the 404 page', async () => {
    const outsider = await createFixture(server.api);
    const session = await studentSession(outsider.student);
    const refused = await session.get(quizPath(fx));
    assert.equal(refused.status, 401);
    assert.match(refused.headers.get('content-type'), /text\/html/);
    assert.match(refused.text, /Access Denied/);
    const missing = await session.get(`/courses/${outsider.courseId}/quizzes/999999`);
    assert.equal(missing.status, 404);
    assert.match(missing.text, /Page Not Found/);
  });
});

describe('the course home page', () => {
  test('every-page ENV keys, StringifyIds applied, and the course context class', async () => {
    const session = await studentSession();
    const r = await session.get(`/courses/${fx.courseId}`);
    assert.equal(r.status, 200);
    assert.match(r.text, new RegExp(`<body class="context-course_${fx.courseId}">`));
    const env = envOf(r.text);
    assert.equal(env.current_user_id, String(fx.student.id));
    assert.deepEqual(env.current_user_roles, ['user', 'student']);
    assert.equal(env.context_asset_string, `course_${fx.courseId}`);
    assert.deepEqual(env.current_context, {
      id: String(fx.courseId),
      name: server.app.canvas.store.courses.find(fx.courseId).name,
      type: 'Course',
      url: `${server.base}/courses/${fx.courseId}`,
    });
    assert.equal(typeof env.ACCOUNT_ID, 'number', 'upper-case ID keys are not stringified');
    assert.equal(typeof env.DOMAIN_ROOT_ACCOUNT_ID, 'number');
    assert.equal(env.QUIZ, undefined);
    assert.equal(env.COURSE_ID, undefined);
    assert.match(r.text, new RegExp(`href="${quizPath(fx)}"`));
  });
});

describe('the quiz page', () => {
  test('before any attempt: the quiz ENV without an events URL, and the take form with an access code field', async () => {
    const session = await studentSession();
    const r = await session.get(quizPath(fx));
    assert.equal(r.status, 200);
    const env = envOf(r.text);
    assert.equal(env.QUIZ_SUBMISSION_EVENTS_URL, undefined);
    assert.equal(env.UPLOAD_URL, undefined);
    assert.equal(env.COURSE_ID, fx.courseId, 'COURSE_ID stays a number');
    assert.equal(env.QUIZ.id, String(fx.quizId));
    assert.equal(env.QUIZ.time_limit, 30);
    assert.equal(env.QUIZ.one_question_at_a_time, false);
    assert.equal(env.QUIZ.cant_go_back, false);
    assert.equal(env.QUIZ.access_code, undefined, 'only quiz managers see the access code');
    assert.equal(env.IS_PREVIEW, undefined);
    assert.match(
      r.text,
      new RegExp(
        `<form id="take_quiz_form" action="${quizPath(fx)}/take\\?user_id=${fx.student.id}" method="post">`,
      ),
    );
    assert.match(r.text, /<input type="password" id="quiz_access_code" name="access_code"/);
    assert.ok(authenticityToken(r.text));
    assert.match(r.text, /\.push\("quiz_show"\)/);
    assert.doesNotMatch(r.text, /id="preview_quiz_button"/);
  });

  test('with an attempt in any state the absolute events URL is set; a quiz editor gets Preview', async () => {
    const own = await createFixture(server.api);
    const session = await studentSession(own.student);
    await startFromQuizPage(session, own);
    const qs = submissionOf(own.quizId, own.student.id);
    const url = `${server.base}/api/v1/courses/${own.courseId}/quizzes/${own.quizId}/submissions/${qs.id}/events`;
    const untaken = envOf((await session.get(quizPath(own))).text);
    assert.equal(untaken.QUIZ_SUBMISSION_EVENTS_URL, url);
    assert.equal(
      untaken.UPLOAD_URL,
      `/api/v1/courses/${own.courseId}/quizzes/${own.quizId}/submissions/self/files`,
    );
    server.app.canvas.service.completeFromForm(
      qs,
      server.app.canvas.store.quizzes.find(own.courseId, own.quizId),
      {
        attempt: qs.attempt,
        record: {},
      },
    );
    const done = await session.get(quizPath(own));
    assert.equal(envOf(done.text).QUIZ_SUBMISSION_EVENTS_URL, url);
    assert.match(done.text, /Take the Quiz Again/);

    const teacher = await studentSession(own.teacher);
    const page = await teacher.get(quizPath(own));
    assert.equal(envOf(page.text).QUIZ_SUBMISSION_EVENTS_URL, undefined, 'a teacher normally has no attempt');
    assert.equal(envOf(page.text).QUIZ.access_code, 'letmein');
    assert.match(
      page.text,
      new RegExp(`<form id="preview_quiz_form" action="${quizPath(own)}/take\\?preview=1"`),
    );
  });
});

describe('starting from the quiz page (POST …/take)', () => {
  test('a bad authenticity token is a 422 page; no access code, or a wrong one, shows the access code page', async () => {
    const own = await createFixture(server.api);
    const session = await studentSession(own.student);
    const forged = await session.post(`${quizPath(own)}/take`, {
      authenticity_token: 'nope',
      access_code: 'letmein',
    });
    assert.equal(forged.status, 422);
    for (const accessCode of [null, 'wrong']) {
      const { start } = await startFromQuizPage(session, own, { accessCode });
      assert.equal(start.status, 200);
      assert.match(start.text, /id="quiz_access_code_form" action="[^"]+\/take"/);
    }
    assert.equal(submissionOf(own.quizId, own.student.id), null);
  });

  test('the right code starts the attempt and redirects to the take page; the session remembers the code', async () => {
    const own = await createFixture(server.api);
    const session = await studentSession(own.student);
    const { start, take } = await startFromQuizPage(session, own);
    assert.equal(start.status, 302);
    assert.equal(start.location, `${server.base}${quizPath(own)}/take`);
    assert.equal(take.status, 200);
    assert.match(take.text, /id="submit_quiz_form"/);
    const again = await session.post(`${quizPath(own)}/take`, {
      authenticity_token: authenticityToken(take.text),
    });
    assert.equal(again.status, 302, 'resumes without the code');
    assert.equal(submissionOf(own.quizId, own.student.id).attempt, 1, 'the untaken attempt is resumed');

    const elsewhere = await studentSession(own.student);
    const fresh = await elsewhere.get(`${quizPath(own)}/take`);
    assert.match(fresh.text, /id="quiz_access_code_form"/, 'another session must give the code again');
  });

  test('an IP outside the filter gets the invalid-location page; an ineligible quiz the quiz page', async () => {
    const filtered = await createFixture(server.api, { accessCode: null, ipFilter: '10.9.9.0/24' });
    const session = await studentSession(filtered.student);
    const { start } = await startFromQuizPage(session, filtered);
    assert.equal(start.status, 200);
    assert.match(start.text, /Invalid Location/);
    const locked = await createFixture(server.api, { accessCode: null, locked: true });
    const other = await studentSession(locked.student);
    const page = await other.get(quizPath(locked));
    assert.doesNotMatch(page.text, /id="take_quiz_form"/, 'no take button');
    // The CSRF token may come as the X-CSRF-Token header (the cookie's value, decoded).
    const refused = await other.post(`${quizPath(locked)}/take`, '', {
      headers: { 'x-csrf-token': decodeURIComponent(other.cookie('_csrf_token')) },
    });
    assert.equal(refused.status, 200);
    assert.match(refused.text, /id="quiz_show"/);
    assert.equal(submissionOf(locked.quizId, locked.student.id), null);
  });

  test('the take page without an active attempt is the quiz page, rendered at …/take', async () => {
    const own = await createFixture(server.api, { accessCode: null });
    const session = await studentSession(own.student);
    const r = await session.get(`${quizPath(own)}/take`);
    assert.equal(r.status, 200);
    assert.match(r.text, /id="quiz_show"/);
    assert.doesNotMatch(r.text, /id="submit_quiz_form"/);
  });
});

describe('the take page (all questions)', () => {
  let own;
  let qs;
  let html;
  let env;

  before(async () => {
    own = await createFixture(server.api);
    const session = await studentSession(own.student);
    html = (await startFromQuizPage(session, own)).take.text;
    qs = submissionOf(own.quizId, own.student.id);
    env = envOf(html);
  });

  test('ENV: the events URL with the submission id, no preview flag, the quiz', () => {
    assert.equal(
      env.QUIZ_SUBMISSION_EVENTS_URL,
      `${server.base}/api/v1/courses/${own.courseId}/quizzes/${own.quizId}/submissions/${qs.id}/events`,
    );
    assert.equal(env.IS_PREVIEW, undefined);
    assert.equal(env.QUIZ.id, String(own.quizId));
    assert.equal(env.current_user_id, String(own.student.id));
    assert.equal(env.validation_token, undefined, 'the token is in the form, not in ENV');
  });

  test('body, form and hidden inputs', () => {
    assert.match(html, new RegExp(`<body class="assessing with-right-side context-course_${own.courseId}">`));
    assert.match(
      html,
      new RegExp(
        `<form action="${quizPath(own)}/submissions\\?user_id=${own.student.id}" id="submit_quiz_form" class="all_questions last_page" method="post">`,
      ),
    );
    assert.match(html, /<div id="questions" class="assessing">/);
    assert.equal(inputValue(html, 'attempt'), '1');
    assert.equal(inputValue(html, 'validation_token'), qs.validation_token);
    assert.equal(inputValue(html, 'preview'), undefined);
    assert.match(
      html,
      new RegExp(
        `<button type="submit" class="btn submit_button quiz_submit btn-secondary" id="submit_quiz_button" data-action="${quizPath(own)}/submissions\\?user_id=${own.student.id}">`,
      ),
    );
    assert.doesNotMatch(html, /id="preview_mode_link"/);
    assert.doesNotMatch(html, /This is a preview/);
  });

  test('#quiz_urls: the backup URL and the times', () => {
    assert.match(
      html,
      new RegExp(
        `<a href="${quizPath(own)}/submissions/backup\\?user_id=${own.student.id}" class="backup_quiz_submission_url">`,
      ),
    );
    assert.equal(quizUrlsSpan(html, 'started_at'), '2030-01-15T10:00:00Z');
    assert.equal(quizUrlsSpan(html, 'now'), '2030-01-15T10:00:00Z');
    assert.equal(quizUrlsSpan(html, 'end_at'), '2030-01-15T10:30:00Z');
    assert.equal(quizUrlsSpan(html, 'due_at'), '');
    assert.equal(quizUrlsSpan(html, 'time_limit'), '30');
    assert.equal(quizUrlsSpan(html, 'time_left'), '1800');
  });

  test('questions: holder, anchor, display_question with its type, the flag, text, inputs by type', () => {
    const [choice, trueFalse, shortAnswer, multiple, essay] = own.questionIds;
    for (const id of own.questionIds) {
      assert.match(
        html,
        new RegExp(
          `<div class="question_holder">\\s*<div[^>]*>&nbsp;</div>\\s*<a name="question_${id}"></a>\\s*<div class="display_question question \\w+_question" id="question_${id}">\\s*<div class="flag_question" role="checkbox" aria-checked="false">`,
        ),
      );
      assert.match(html, new RegExp(`id="question_${id}_question_text" class="question_text user_content"`));
      assert.match(html, new RegExp(`<li id="list_question_${id}" class="list_question`));
    }
    assert.match(
      html,
      new RegExp(`class="display_question question multiple_choice_question" id="question_${choice}"`),
    );
    const answers = qs.quiz_data.find((q) => q.id === choice).answers;
    assert.match(
      html,
      new RegExp(
        `<input type="radio" class="question_input" name="question_${choice}" value="${answers[0].id}" id="question_${choice}_answer_${answers[0].id}" />`,
      ),
    );
    assert.match(html, new RegExp(`type="radio" class="question_input" name="question_${trueFalse}"`));
    assert.match(
      html,
      new RegExp(`<input type="text" name="question_${shortAnswer}" value="" class="question_input"`),
    );
    const first = qs.quiz_data.find((q) => q.id === multiple).answers[0].id;
    assert.match(
      html,
      new RegExp(
        `<input type="hidden" name="question_${multiple}_answer_${first}" value="0"/>\\s*<input type="checkbox" class="question_input" name="question_${multiple}_answer_${first}" value="1"`,
      ),
    );
    assert.match(html, new RegExp(`<textarea class="question_input" name="question_${essay}"`));
    assert.match(html, new RegExp(`<a class="jump_to_question_link" href="#question_${choice}">`));
  });

  test('load order: boot script deferred in <head>, inline ENV, the bundle push, nothing after', () => {
    const boot = html.indexOf(
      '<script src="/javascripts/canvas-boot.js" defer="defer" crossorigin="anonymous"',
    );
    const head = html.indexOf('</head>');
    const envAt = html.indexOf('<script>ENV = ');
    const push = html.indexOf(
      '<script>(window.bundles || (window.bundles = [])).push("take_quiz");</script>',
    );
    assert.ok(boot > 0 && boot < head && head < envAt && envAt < push, 'boot < </head> < ENV < push');
    assert.match(html.slice(push), /^<script>[^<]*<\/script>\s*<\/body>/, 'no theme tag without a theme URL');
  });
});

describe('quiz settings on the take page', () => {
  test('cant_go_back: no flag control, the form says so, the sidebar is read only', async () => {
    const own = await createFixture(server.api, {
      cantGoBack: true,
      oneQuestionAtATime: true,
      accessCode: null,
    });
    const session = await studentSession(own.student);
    const { take } = await startFromQuizPage(session, own);
    assert.doesNotMatch(take.text, /class="flag_question"/);
    assert.match(take.text, /class="one_question_at_a_time cant_go_back"/);
    assert.match(take.text, /<ul id="question_list" [^>]*class="read_only">/);
    assert.doesNotMatch(take.text, /previous-question/);
  });

  test('one question at a time: one question per page, Next/Previous through record_answer with the QS id', async () => {
    const seed = server.app.seedInfo;
    const session = await studentSession({ login: 'student' });
    const { take } = await startFromQuizPage(session, seed, {
      quizId: seed.oneAtATimeQuizId,
      accessCode: null,
    });
    const qs = submissionOf(seed.oneAtATimeQuizId, seed.student.id);
    const [first, second] = qs.quiz_data.map((q) => q.id);
    const base = quizPath(seed, seed.oneAtATimeQuizId);
    const recordAnswer = (target) =>
      `${base}/submissions/${qs.id}/record_answer?next_question_path=${encodeURIComponent(`${base}/take/questions/${target}`)}&user_id=${seed.student.id}`;
    const escaped = (text) => text.replace(/&/g, '&amp;').replace(/[?]/g, '\\?');
    assert.equal(envOf(take.text).QUIZ.one_question_at_a_time, true);
    assert.match(
      take.text,
      new RegExp(
        `<form action="${escaped(recordAnswer(second))}" id="submit_quiz_form" class="one_question_at_a_time" method="post">`,
      ),
    );
    assert.deepEqual(
      [...take.text.matchAll(/class="display_question question [^"]+" id="(question_\d+)"/g)].map(
        (m) => m[1],
      ),
      [`question_${first}`],
    );
    assert.match(
      take.text,
      new RegExp(
        `class="btn submit_button btn-secondary next-question" data-action="${escaped(recordAnswer(second))}" disabled`,
      ),
    );
    assert.equal(inputValue(take.text, 'last_question_id'), String(first));
    assert.doesNotMatch(take.text, /previous-question/);
    assert.match(
      take.text,
      new RegExp(`<li id="list_question_${first}" class="list_question seen current_question">`),
    );
    assert.match(take.text, new RegExp(`<a href="${base}/take/questions/${second}" class="no-warning">`));

    const page2 = await session.get(`${base}/take/questions/${second}`);
    assert.equal(page2.status, 200);
    assert.match(
      page2.text,
      new RegExp(
        `class="btn submit_button btn-secondary previous-question" data-action="${escaped(recordAnswer(first))}" disabled`,
      ),
    );
    const missing = await session.get(`${base}/take/questions/999999`);
    assert.equal(missing.status, 302);
    assert.equal(missing.location, `${server.base}${base}`);
  });
});

describe('a teacher preview', () => {
  test('?preview=1: IS_PREVIEW, no events URL, the preview input, link and header; a QS without user', async () => {
    const own = await createFixture(server.api);
    const teacher = await studentSession(own.teacher);
    const { start, take } = await startFromQuizPage(teacher, own, { preview: true });
    assert.equal(start.location, `${server.base}${quizPath(own)}/take?preview=1`);
    const env = envOf(take.text);
    assert.equal(env.IS_PREVIEW, true);
    assert.equal(env.QUIZ_SUBMISSION_EVENTS_URL, undefined);
    assert.equal(inputValue(take.text, 'preview'), '1');
    assert.match(take.text, /<a id="preview_mode_link" href="[^"]+\/edit"/);
    assert.match(
      take.text,
      /<h3>\s*<i class="icon-warning">.*\s*This is a preview of the draft version of the quiz/,
    );
    assert.match(
      take.text,
      new RegExp(
        `href="${quizPath(own)}/submissions/backup\\?user_id=${own.teacher.id}&amp;preview=1" class="backup_quiz_submission_url"`,
      ),
    );
    const qs = server.app.canvas.store.quizSubmissions.findByTemporaryUserCode(
      own.quizId,
      `user_${own.teacher.id}`,
    );
    assert.equal(qs.user_id, null);
    assert.equal(qs.workflow_state, 'preview');
    assert.equal(inputValue(take.text, 'validation_token'), qs.validation_token);

    const plain = await teacher.get(`${quizPath(own)}/take`);
    assert.doesNotMatch(plain.text, /id="submit_quiz_form"/, 'without ?preview the teacher has no attempt');
  });
});
