// The per-submission snapshot of the quiz's questions (QuizSubmission#quiz_data). Canvas
// stores it at the start of each attempt and puts it in the submission_created event, answer
// weights included (only graders can read that event).
export function buildQuizData(questions) {
  return questions.map((question, index) => ({
    id: question.id,
    position: question.position ?? index + 1,
    name: question.question_name,
    question_name: question.question_name,
    question_type: question.question_type,
    question_text: question.question_text,
    points_possible: question.points_possible,
    assessment_question_id: null,
    quiz_group_id: null,
    correct_comments: '',
    incorrect_comments: '',
    neutral_comments: '',
    answers: question.answers.map((answer) => ({
      id: answer.id,
      text: answer.text ?? '',
      weight: answer.weight ?? 0,
      comments: answer.comments ?? '',
    })),
  }));
}
