import { escapeHtml, page } from './html.js';

export function renderLogPage({ course, quiz, teacherToken }) {
  return page({
    title: `Evidence for ${quiz.title}`,
    // The review's script build (global QuizProctorReview), then the page's modules that use it.
    scripts: ['/dist/quiz-proctor-review.iife.min.js'],
    modules: ['/demo/teacher.js'],
    // The demo teacher reads the API with the seeded token, so the student's cookie session can
    // stay logged in in the same browser. Never do this with a real token.
    bodyAttributes: `class="wide" data-course-id="${course.id}" data-quiz-id="${quiz.id}" data-token="${escapeHtml(teacherToken)}"`,
    body: `    <header><h1>Evidence: ${escapeHtml(quiz.title)}</h1><p>${escapeHtml(course.name)}, as the teacher</p></header>
    <p id="log_status" role="status">Loading…</p>
    <h2 id="attempts_title">Attempts</h2>
    <p class="hint">Newest first, live. Open an attempt to see its timeline below the table.</p>
    <table id="attempts" class="attempts" aria-labelledby="attempts_title"><thead><tr></tr></thead><tbody></tbody></table>
    <div id="timeline" class="timeline"></div>
    <h2>Every event</h2>
    <div id="submissions"></div>`,
  });
}

/** The Canvas-theme links: Canvas's own pages, logged in through the demo's /login. */
export function canvasThemeLinks(seed, submissionId) {
  const quiz = (id) => `/courses/${seed.courseId}/quizzes/${id}`;
  const as = (who, path) => `/login?as=${who}&return_to=${encodeURIComponent(path)}`;
  return {
    student: as('student', quiz(seed.quizId)),
    studentOneAtATime: as('student', quiz(seed.oneAtATimeQuizId)),
    teacher: as(
      'teacher',
      submissionId ? `${quiz(seed.quizId)}/submissions/${submissionId}/log` : quiz(seed.quizId),
    ),
    evidence: `/app${quiz(seed.quizId)}/log`,
  };
}

export function renderIndexPage({ seed, submissionId }) {
  const take = `/app/courses/${seed.courseId}/quizzes/${seed.quizId}/take`;
  const canvas = canvasThemeLinks(seed, submissionId);
  const link = (href, text) => `<a href="${escapeHtml(href)}" target="_blank">${text}</a>`;
  return page({
    title: 'quiz-proctor demo',
    body: `    <header><h1>quiz-proctor demo</h1></header>
    <h2>The SDK's API on the demo's own page</h2>
    <ol>
      <li>${link(`/login?as=student&return_to=${encodeURIComponent(take)}`, `Take the quiz as ${escapeHtml(seed.student.name)}`)} (opens a tab; access code <code>letmein</code>)</li>
      <li>${link(canvas.evidence, `Watch the evidence arrive as ${escapeHtml(seed.teacher.name)}`)}</li>
    </ol>
    <h2>Canvas theme: Canvas's own quiz pages, the SDK loaded as Theme Editor JavaScript</h2>
    <ol>
      <li>${link(canvas.student, `Open the quiz as ${escapeHtml(seed.student.name)}`)} and take it from Canvas's quiz page (access code <code>letmein</code>), or the ${link(canvas.studentOneAtATime, 'one-question-at-a-time quiz')}</li>
      <li>${link(canvas.teacher, submissionId ? `Canvas's quiz log of that attempt, as ${escapeHtml(seed.teacher.name)}` : `The quiz as ${escapeHtml(seed.teacher.name)}`)}${submissionId ? '' : ' (its quiz log link appears here once the student has started)'}; the ${link(canvas.evidence, 'evidence page')} shows every event</li>
    </ol>
    <p class="hint">Logging in as the teacher ends the student's session in this browser (one cookie
    session per browser, as in Canvas): open the teacher's link in a private window or another browser.</p>`,
  });
}
