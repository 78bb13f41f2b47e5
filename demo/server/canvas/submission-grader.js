// A deliberately small Quizzes::SubmissionGrader. It grades the in-progress answers kept in
// submission_data (keys "question_<id>", and "question_<id>_answer_<answer id>" for multiple
// answers, as Canvas stores them), which the Quiz Submission Questions API fills; unanswered
// questions score 0, so scores are real numbers, never null.
//
//  - multiple_choice / true_false: full points when the chosen answer has weight 100.
//  - multiple_answers: Canvas's partial credit, (right picks - wrong picks) / correct answers,
//    floored at 0.
//  - short_answer: full points when the text matches a weight-100 answer (trimmed, case-insensitive).
//  - essay / file_upload: needs a human; correctness "undefined" turns the submission
//    pending_review, as Canvas does.
//  - anything else: 0.

const MANUAL_TYPES = new Set(['essay_question', 'file_upload_question']);

function gradeQuestion(question, data) {
  const key = `question_${question.id}`;
  const correctAnswers = question.answers.filter((answer) => answer.weight === 100);
  const points = question.points_possible;
  switch (question.question_type) {
    case 'multiple_choice_question':
    case 'true_false_question': {
      const chosen = data[key] == null ? null : String(data[key]);
      const right = chosen !== null && correctAnswers.some((answer) => String(answer.id) === chosen);
      return {
        question_id: question.id,
        answer_id: chosen === null ? null : Number(chosen),
        correct: right,
        points: right ? points : 0,
      };
    }
    case 'multiple_answers_question': {
      const picked = question.answers.filter(
        (answer) => String(data[`${key}_answer_${answer.id}`] ?? '0') === '1',
      );
      const right = picked.filter((answer) => answer.weight === 100).length;
      const wrong = picked.length - right;
      const fraction = correctAnswers.length === 0 ? 0 : Math.max(0, (right - wrong) / correctAnswers.length);
      return {
        question_id: question.id,
        correct: fraction === 1 ? true : fraction > 0 ? 'partial' : false,
        points: points * fraction,
      };
    }
    case 'short_answer_question': {
      const text = typeof data[key] === 'string' ? data[key].trim().toLowerCase() : '';
      const right =
        text !== '' && correctAnswers.some((answer) => String(answer.text).trim().toLowerCase() === text);
      return { question_id: question.id, text: data[key] ?? '', correct: right, points: right ? points : 0 };
    }
    default:
      if (MANUAL_TYPES.has(question.question_type)) {
        return { question_id: question.id, text: data[key] ?? '', correct: 'undefined', points: 0 };
      }
      return { question_id: question.id, correct: false, points: 0 };
  }
}

/** Returns { score, submissionData (graded array), workflowState }. */
export function gradeSubmission({ quizData, submissionData, quizType, pointsPossible, fudgePoints }) {
  const data = submissionData && !Array.isArray(submissionData) ? submissionData : {};
  const graded = (quizData ?? []).map((question) => gradeQuestion(question, data));
  let score = graded.reduce((sum, answer) => sum + answer.points, 0) + (fudgePoints ?? 0);
  if (quizType === 'graded_survey') score = pointsPossible;
  const workflowState = graded.some((answer) => answer.correct === 'undefined')
    ? 'pending_review'
    : 'complete';
  return { score, submissionData: graded, workflowState };
}
