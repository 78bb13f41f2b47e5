import { randomBytes } from 'node:crypto';
import { badRequest } from '../http/canvas-errors.js';
import { buildCourseFixture } from '../db/build-course-fixture.js';

const isOptionalInteger = (value, min) =>
  value === undefined || value === null || (Number.isInteger(value) && value >= min);

/**
 * POST /__control/fixtures: a fresh course + quiz + people, isolated from every other test.
 * Body (all optional): timeLimitMinutes (30; null = untimed), accessCode ("letmein"; null = none),
 * allowedAttempts (2; -1 = unlimited), quizLogAuditing (true), withEssay (true: completion then
 * answers pending_review), ipFilter, locked, moduleLocked, unlockAt, lockAt, cantGoBack,
 * oneQuestionAtATime, published (true), scoringPolicy, quizType, gradingType ("points": the
 * demo assignment's points | percent | letter_grade | pass_fail).
 */
export function createFixture(store, body = {}) {
  const input = body ?? {};
  if (typeof input !== 'object' || Array.isArray(input))
    throw badRequest('the fixture options must be a JSON object');
  if (!isOptionalInteger(input.timeLimitMinutes, 1))
    throw badRequest('timeLimitMinutes must be a positive integer or null');
  if (
    input.allowedAttempts !== undefined &&
    !(Number.isInteger(input.allowedAttempts) && (input.allowedAttempts >= 1 || input.allowedAttempts === -1))
  ) {
    throw badRequest('allowedAttempts must be a positive integer or -1');
  }
  if (
    input.gradingType !== undefined &&
    !['points', 'percent', 'letter_grade', 'pass_fail'].includes(input.gradingType)
  ) {
    throw badRequest('gradingType must be points, percent, letter_grade or pass_fail');
  }
  const tag = randomBytes(4).toString('hex');
  const token = (role) => `fx-${role}-${randomBytes(12).toString('hex')}`;
  const optional = (value, fallback) => (value === undefined ? fallback : value);
  const quiz = {
    ip_filter: optional(input.ipFilter, null),
    locked: input.locked === true,
    module_locked: input.moduleLocked === true,
    unlock_at: optional(input.unlockAt, null),
    lock_at: optional(input.lockAt, null),
    cant_go_back: input.cantGoBack === true,
    one_question_at_a_time: input.oneQuestionAtATime === true,
    published: input.published !== false,
    ...(input.scoringPolicy ? { scoring_policy: input.scoringPolicy } : {}),
    ...(input.quizType ? { quiz_type: input.quizType } : {}),
  };
  const fixture = buildCourseFixture(store, {
    courseName: `Fixture course ${tag}`,
    quizTitle: `Fixture quiz ${tag}`,
    timeLimitMinutes: optional(input.timeLimitMinutes, 30),
    accessCode: optional(input.accessCode, 'letmein'),
    allowedAttempts: optional(input.allowedAttempts, 2),
    quizLogAuditing: input.quizLogAuditing !== false,
    withEssay: input.withEssay !== false,
    quiz,
    assignment: input.gradingType ? { gradingType: input.gradingType } : undefined,
    people: [
      {
        key: 'student',
        type: 'student',
        name: `Student ${tag}`,
        login: `student-${tag}`,
        token: token('student'),
      },
      {
        key: 'student2',
        type: 'student',
        name: `Second Student ${tag}`,
        login: `student2-${tag}`,
        token: token('student2'),
      },
      {
        key: 'teacher',
        type: 'teacher',
        name: `Teacher ${tag}`,
        login: `teacher-${tag}`,
        token: token('teacher'),
      },
      { key: 'ta', type: 'ta', name: `TA ${tag}`, login: `ta-${tag}`, token: token('ta') },
      {
        key: 'observer',
        type: 'observer',
        name: `Observer ${tag}`,
        login: `observer-${tag}`,
        token: token('observer'),
        observes: 'student',
      },
    ],
  });
  return {
    courseId: fixture.course.id,
    quizId: fixture.quiz.id,
    questionIds: fixture.questionIds,
    timeLimitMinutes: fixture.quiz.time_limit,
    accessCode: fixture.quiz.access_code,
    allowedAttempts: fixture.quiz.allowed_attempts,
    quizLogAuditing: fixture.course.quiz_log_auditing === 1,
    assignmentId: fixture.assignment.id,
    ...fixture.people,
  };
}
