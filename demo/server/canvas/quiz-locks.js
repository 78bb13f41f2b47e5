// Two different "locked" answers exist in Canvas's create endpoint:
//
// 1. The controller first asks Quiz#locked_for?(user, check_policies: true) — unlock_at in the
//    future, lock_at in the past, or a module/prerequisite lock — and answers
//    400 "you are not allowed to participate in this quiz". Users who can :update the quiz
//    (teachers) are never locked_for. Modelled by quizzes.module_locked, unlock_at and lock_at.
// 2. QuizSubmissionService#assert_takeability! then asks Quizzes::QuizEligibility, whose
//    remaining refusals (course/term/section dates over, inactive enrollment...) answer
//    400 "quiz is locked". The emulator has no terms or sections; quizzes.locked stands for
//    "eligibility says this quiz is locked". Users who can :manage the quiz are always eligible.

/** Quiz#locked_for?(user, check_policies: true). */
export function isLockedForUser(quiz, userQuizRights, now) {
  if (userQuizRights.has('update')) return false;
  if (quiz.module_locked === 1) return true;
  if (quiz.unlock_at != null && Date.parse(quiz.unlock_at) > now.getTime()) return true;
  if (quiz.lock_at != null && Date.parse(quiz.lock_at) <= now.getTime()) return true;
  return false;
}

/** The eligibility lock (QuizEligibility#potentially_eligible? failing). */
export function isIneligible(quiz, userQuizRights, now) {
  if (userQuizRights.has('manage')) return false;
  return quiz.locked === 1 || isLockedForUser(quiz, userQuizRights, now) || !userQuizRights.has('submit');
}
