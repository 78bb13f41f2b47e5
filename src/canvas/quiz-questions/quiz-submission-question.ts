import type { Id } from '../core/id.js';

/** Question types of classic quizzes. */
export type QuizQuestionType =
  | 'essay_question'
  | 'short_answer_question'
  | 'fill_in_multiple_blanks_question'
  | 'multiple_dropdowns_question'
  | 'multiple_choice_question'
  | 'true_false_question'
  | 'multiple_answers_question'
  | 'matching_question'
  | 'numerical_question'
  | 'calculated_question'
  | 'file_upload_question'
  | 'text_only_question';

/** The `answer` format Canvas expects for each question type (`doc/examples/quiz_question_answers.md`). */
export interface QuizAnswerByType {
  essay_question: string;
  short_answer_question: string;
  /** Blank name → text. */
  fill_in_multiple_blanks_question: Readonly<Record<string, string>>;
  /** Blank name → answer id. */
  multiple_dropdowns_question: Readonly<Record<string, Id>>;
  /** Answer id. */
  multiple_choice_question: Id;
  true_false_question: Id;
  /** Answer ids. */
  multiple_answers_question: readonly Id[];
  matching_question: readonly { answer_id: Id; match_id: Id }[];
  /** A number or a numeric string. */
  numerical_question: number | string;
  calculated_question: number | string;
  /** Attachment ids. */
  file_upload_question: readonly Id[];
  text_only_question: null;
}

/**
 * One answer. Name the question type in `type` (it is not sent) to have the answer's shape
 * checked against it; without it any of the shapes is accepted.
 */
export type QuizQuestionAnswer<T extends QuizQuestionType = QuizQuestionType> = {
  [K in T]: { id: Id; type?: K; answer: QuizAnswerByType[K] };
}[T];

/** A question of an attempt with its current answer (censored) and flag. */
export interface QuizSubmissionQuestion<I extends Id = Id> {
  id: I;
  quiz_id?: I;
  position?: number | null;
  question_name?: string;
  question_type?: QuizQuestionType;
  question_text?: string;
  points_possible?: number;
  answers?: readonly { id: I; text?: string; html?: string; [key: string]: unknown }[];
  flagged: boolean;
  answer?: unknown;
  /** Instead of `answer` on a graded attempt. */
  correct?: boolean | 'partial' | null;
}

/** What every answer, flag and unflag call must prove. */
export interface QuizSubmissionCredentials {
  /** The quiz submission id (or `'self'`). */
  quizSubmissionId: Id;
  attempt: number;
  validationToken: string;
  accessCode?: string;
}
