import { ipAllowedByFilter } from '../lib/ip-filter.js';
import { isIneligible } from './quiz-locks.js';

/**
 * Quizzes::QuizEligibility as used by QuizSubmissionService#assert_takeability!. Returns null
 * when the participant may take the quiz, else the reason the service turns into an answer:
 * 'access_code' (403 "invalid access code"), 'invalid_ip' (403 "IP address denied") or
 * 'locked' (400 "quiz is locked"). The access-code and IP reasons win over the lock, as in
 * `declined_reason_renders`.
 *
 * The access code must be sent with every create/complete call: the service builds the
 * eligibility without the Rails session, and compares with `==` (a JSON number never equals
 * the stored string).
 */
export function declinedReason({ quiz, userQuizRights, accessCode, ip, now }) {
  const needAccessCode =
    quiz.access_code != null && quiz.access_code !== '' && accessCode !== quiz.access_code;
  const invalidIp = !ipAllowedByFilter(quiz.ip_filter, ip);
  const eligible = !isIneligible(quiz, userQuizRights, now) && !needAccessCode && !invalidIp;
  if (eligible) return null;
  if (needAccessCode) return 'access_code';
  if (invalidIp) return 'invalid_ip';
  return 'locked';
}
