import { describeError, type Warn } from './create-warn.js';

/** Finds questions and their ids, skipping (and reporting) elements whose id is garbage. */
export interface QuestionLocator {
  readonly selector: string;
  /** The question's id, or `undefined` (reported once) when it has none or a non-numeric one. */
  idOf(question: Element): string | undefined;
  /** The question around `node`, if any, with a valid id. */
  find(node: EventTarget | null): { element: Element; id: string } | undefined;
}

const MAX_ID_CHARS = 64;

// A loop over char codes rather than /^\d+$/: it runs on hot paths (clipboard, context menu,
// flags), where a cold regular expression is the dearest part of the look-up.
function isDigits(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

export function createQuestionLocator(
  selector: string,
  readId: (question: Element) => string | null | undefined,
  warn: Warn,
): QuestionLocator {
  const idOf = (question: Element): string | undefined => {
    let raw: string | null | undefined;
    try {
      raw = readId(question);
    } catch (error) {
      warn('handler_failed', { source: 'questionId', detail: describeError(error) });
      return undefined;
    }
    if (raw === undefined || raw === null || raw === '') {
      warn('question_without_id');
      return undefined;
    }
    if (!isDigits(raw)) {
      warn('question_id_not_numeric', { question_id: raw.slice(0, MAX_ID_CHARS) });
      return undefined;
    }
    return raw;
  };
  return {
    selector,
    idOf,
    find(node) {
      if (!(node instanceof Node)) return undefined;
      const start = node instanceof Element ? node : node.parentElement;
      const element = start?.closest(selector);
      if (!element) return undefined;
      const id = idOf(element);
      return id === undefined ? undefined : { element, id };
    },
  };
}
