import { baseUrl } from '../http/base-url.js';
import { stringifyJsonIds } from '../http/stringify-json-ids.js';

// Canvas's `js_env`. The keys ApplicationController#js_env puts on every page, and the inline
// `ENV = …` script render_js_env writes, after StringifyIds.recursively_stringify_ids: every
// integer under a key matching the case-sensitive /(^|_)id$/ becomes a string (so
// `current_user_id`, `QUIZ.id` and `current_context.id` are strings, `COURSE_ID` and
// `ACCOUNT_ID` stay numbers).

// The emulator has no accounts; these stand for the root account (id 1, whose global id on
// shard 1 is 10000000000001).
const ACCOUNT_ID = 1;
const DOMAIN_ROOT_ACCOUNT_ID = 10000000000001;

/** User#roles: 'user', then 'student' / 'teacher' (any instructor-like enrollment) / 'observer'. */
function userRoles(enrollments) {
  const roles = ['user'];
  const types = new Set(enrollments.map((e) => e.type));
  if (types.has('student')) roles.push('student');
  if (types.has('teacher') || types.has('ta') || types.has('designer')) roles.push('teacher');
  if (types.has('observer')) roles.push('observer');
  return roles;
}

/** The every-page keys for a course page (`current_context` only for users who can read it). */
export function commonEnv(request, { store, user, course, userCourseRights }) {
  const base = baseUrl(request);
  const env = {
    current_user_id: user.id,
    current_user: {
      id: user.id,
      display_name: user.short_name ?? user.name,
      avatar_image_url: `${base}/images/messages/avatar-50.png`,
      html_url: `${base}/about/${user.id}`,
      pronouns: null,
    },
    current_user_roles: userRoles(store.courses.enrollmentsFor(course.id, user.id)),
    context_asset_string: `course_${course.id}`,
    ACCOUNT_ID,
    DOMAIN_ROOT_ACCOUNT_ID,
    TIMEZONE: 'Etc/UTC',
    CONTEXT_TIMEZONE: 'Etc/UTC',
    LOCALES: ['en'],
    LOCALE: 'en',
    FEATURES: {},
    ping_url: `${base}/api/v1/courses/${course.id}/ping`,
  };
  if (userCourseRights.has('read')) {
    env.current_context = {
      id: course.id,
      name: course.name,
      type: 'Course',
      url: `${base}/courses/${course.id}`,
    };
  }
  return env;
}

/**
 * The inline script's JavaScript: StringifyIds, then JSON made safe inside <script> (Rails'
 * json_escape: no "</script>", no HTML comment openers, no U+2028/U+2029 line breaks).
 */
export function renderEnvScript(env) {
  const json = JSON.stringify(stringifyJsonIds(structuredClone(env)))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `ENV = ${json};`;
}
