/** The attempt's end as the take page shows it now. */
export interface QuizTimes {
  /** ISO 8601, or null when the attempt has no time limit or deadline. */
  endAt: string | null;
  /** Seconds until `endAt` on Canvas's clock, or null with no end. */
  secondsLeft: number | null;
}

const text = (doc: Document, selector: string) =>
  doc.querySelector(`#quiz_urls ${selector}`)?.textContent.trim() ?? '';

/**
 * Reads `#quiz_urls .end_at` each time: Canvas's take page rewrites it when a teacher extends the
 * attempt (canvas-pages.md §1.2). `skewMs` is Canvas's clock minus this one, from `.now` at load.
 */
export function readQuizTimes(doc: Document, nowMs: number, skewMs: number): QuizTimes {
  const endAt = text(doc, '.end_at');
  const endMs = Date.parse(endAt);
  if (endAt === '' || Number.isNaN(endMs)) return { endAt: null, secondsLeft: null };
  return { endAt, secondsLeft: Math.max(0, Math.round((endMs - (nowMs + skewMs)) / 1000)) };
}

/** Canvas's clock minus this one: `.now` is the server's time when it rendered the page. */
export function quizClockSkewMs(doc: Document, nowMs: number): number {
  const serverNow = Date.parse(text(doc, '.now'));
  return Number.isNaN(serverNow) ? 0 : serverNow - nowMs;
}
