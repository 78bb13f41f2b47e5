import { unauthorized } from '../http/canvas-errors.js';
import { railsParams } from '../http/rails-params.js';
import { courseRightsFor, loadCourse } from '../routes/canvas-context.js';
import { escapeHtml } from './escape-html.js';
import { commonEnv } from './js-env.js';
import { pageSession, redirectToLogin } from './page-session.js';
import { sendCanvasPage } from './send-canvas-page.js';

/** CoursesController#show, reduced: the course's name and its quizzes; every-page ENV keys only. */
export function coursePageRoutes(app, canvas, { settings }) {
  const { store } = canvas;

  app.get('/courses/:course_id', async (request, reply) => {
    const auth = pageSession(request, reply, store);
    if (!auth) return redirectToLogin(request, reply);
    const course = loadCourse(store, railsParams(request).course_id);
    const { userCourseRights } = courseRightsFor(store, course, auth.user);
    if (!userCourseRights.has('read')) throw unauthorized();
    const quizzes = store.quizzes
      .forCourse(course.id)
      .filter((quiz) => quiz.published === 1 || userCourseRights.has('manage_assignments'))
      .map(
        (quiz) =>
          `  <li><a href="/courses/${course.id}/quizzes/${quiz.id}">${escapeHtml(quiz.title)}</a></li>`,
      );
    return sendCanvasPage(request, reply, settings, {
      title: course.name,
      contextAssetString: `course_${course.id}`,
      env: commonEnv(request, { store, user: auth.user, course, userCourseRights }),
      content: `<h1 id="course_home_title">${escapeHtml(course.name)}</h1>
<h2>Quizzes</h2>
<ul id="course_quizzes">
${quizzes.join('\n')}
</ul>`,
    });
  });
}
