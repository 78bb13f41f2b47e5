import { rubyInteger } from '../lib/ruby.js';

// Quizzes::QuizQuestion::AnswerSerializers: turn an API answer into submission_data entries
// (serialize) and back (deserialize, which is also what the question_answered event records).
// Error texts are SerializedAnswer::ERROR_CODES: "<param> must be of type <Type>",
// "Unknown answer '<id>'", "Text is too long." (>= 16 KB).

const MAX_TEXT = 16 * 1024;
const invalidType = (param, type) => ({ error: `${param} must be of type ${type}` });
const unknownAnswer = (id) => ({ error: `Unknown answer '${id}'` });
const key = (question) => `question_${question.id}`;
const answerIds = (question) => (question.answers ?? []).map((answer) => Number(answer.id));
const toInteger = (value) => {
  const n = rubyInteger(value);
  return n === null ? null : Number(n);
};

// Util.sanitize_html: Canvas runs the HTML through its sanitizer; the emulator only drops
// <script>/<style> elements and on* attributes, which covers what a test would check.
const sanitizeHtml = (html) =>
  html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\s+on\w+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');

const choice = {
  serialize(question, answer) {
    const id = toInteger(answer);
    if (id === null) return invalidType('answer', 'Integer');
    if (!answerIds(question).includes(id)) return unknownAnswer(id);
    return { record: { [key(question)]: String(id) } };
  },
  // Canvas's API answers "1658" (a string) for a chosen answer id; nothing chosen is null.
  deserialize: (question, data) => (data[key(question)] == null ? null : String(data[key(question)])),
  owns: (question, name) => name === key(question),
};

const multipleAnswers = {
  serialize(question, selection) {
    if (!Array.isArray(selection)) return invalidType('answer', 'Array');
    const picked = selection.length === 1 && selection[0] === '' ? [] : selection;
    const ids = [];
    for (const [index, value] of picked.entries()) {
      const id = toInteger(value);
      if (id === null) return invalidType(`answer[${index}]`, 'Integer');
      if (!answerIds(question).includes(id)) return unknownAnswer(id);
      ids.push(id);
    }
    const record = {};
    for (const id of answerIds(question))
      record[`${key(question)}_answer_${id}`] = ids.includes(id) ? '1' : '0';
    return { record };
  },
  deserialize: (question, data) =>
    answerIds(question)
      .filter((id) =>
        ['1', 'true', 't', 'yes', 'y', 'on'].includes(
          String(data[`${key(question)}_answer_${id}`] ?? '').toLowerCase(),
        ),
      )
      .map(String),
  owns: (question, name) => name.startsWith(`${key(question)}_answer_`),
};

const shortAnswer = {
  serialize(question, text) {
    if (typeof text !== 'string') return invalidType('answer', 'String');
    if (text.length >= MAX_TEXT) return { error: 'Text is too long.' };
    return { record: { [key(question)]: text.trim().toLowerCase() } };
  },
  deserialize: (question, data) => presence(data[key(question)]),
  owns: (question, name) => name === key(question),
};

const essay = {
  serialize(question, html) {
    if (typeof html !== 'string') return invalidType('answer', 'String');
    const clean = sanitizeHtml(html);
    if (clean.length >= MAX_TEXT) return { error: 'Text is too long.' };
    return { record: { [key(question)]: clean } };
  },
  deserialize: (question, data) => presence(data[key(question)]),
  owns: (question, name) => name === key(question),
};

// Numerical / calculated: a number or a numeric string, kept as a decimal string and read
// back as a number (Canvas: 2.5e-3 → 0.0025, "122.1" → 122.1). The type error's wording for
// these two is UNVERIFIED.
const numerical = {
  serialize(question, value) {
    const n =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && value.trim() !== ''
          ? Number(value)
          : NaN;
    if (!Number.isFinite(n)) return invalidType('answer', 'Numeric');
    return { record: { [key(question)]: String(n) } };
  },
  deserialize: (question, data) => (data[key(question)] == null ? null : Number(data[key(question)])),
  owns: (question, name) => name === key(question),
};

const presence = (text) => (typeof text === 'string' && text.trim() !== '' ? text : null);

const SERIALIZERS = {
  multiple_choice_question: choice,
  true_false_question: choice,
  multiple_answers_question: multipleAnswers,
  short_answer_question: shortAnswer,
  essay_question: essay,
  numerical_question: numerical,
  calculated_question: numerical,
};

// Types the emulator's fixtures never create (fill_in_multiple_blanks, multiple_dropdowns,
// matching, file_upload, text_only) get Canvas's Unknown serializer: nothing is recorded.
const unknown = {
  serialize: () => ({ record: {} }),
  deserialize: () => null,
  owns: () => false,
};

export function serializerFor(question) {
  return SERIALIZERS[question.question_type] ?? unknown;
}
