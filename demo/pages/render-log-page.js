import { escapeHtml, page } from './html.js';

export function renderLogPage({ course, quiz, teacherToken }) {
  return page({
    title: `Evidence for ${quiz.title}`,
    scripts: ['/demo/teacher.js'],
    // The demo teacher reads the API with the seeded token, so the student's cookie session can
    // stay logged in in the same browser. Never do this with a real token.
    bodyAttributes: `data-course-id="${course.id}" data-quiz-id="${quiz.id}" data-token="${escapeHtml(teacherToken)}"`,
    body: `    <header><h1>Evidence: ${escapeHtml(quiz.title)}</h1><p>${escapeHtml(course.name)}, as the teacher</p></header>
    <p id="log_status" role="status">Loading…</p>
    <div id="submissions"></div>`,
  });
}

export function renderIndexPage({ seed }) {
  const take = `/courses/${seed.courseId}/quizzes/${seed.quizId}/take`;
  const log = `/courses/${seed.courseId}/quizzes/${seed.quizId}/log`;
  return page({
    title: 'quiz-proctor demo',
    body: `    <header><h1>quiz-proctor demo</h1></header>
    <ol>
      <li><a href="/login?as=student&amp;return_to=${encodeURIComponent(take)}" target="_blank">Take the quiz as ${escapeHtml(seed.student.name)}</a> (opens a tab; access code <code>letmein</code>)</li>
      <li><a href="${log}" target="_blank">Watch the evidence arrive as ${escapeHtml(seed.teacher.name)}</a></li>
    </ol>`,
  });
}
