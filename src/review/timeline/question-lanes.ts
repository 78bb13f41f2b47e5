import { isObject } from '../event-shapes.js';
import { isType } from '../review-event.js';
import type { TimelineLane, TimelineRow } from './timeline-model.js';

type Timed = TimelineRow & { ms: number };

const idOf = (value: unknown): string | null =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : null;

// question_answered's data is Canvas's server's (or the page's) array of answers: the review does
// not check it, so each item is read with care.
const answeredIds = (data: unknown): string[] =>
  Array.isArray(data)
    ? data.flatMap((item) => (isObject(item) ? (idOf(item.quiz_question_id) ?? []) : []))
    : [];

// Numeric ids by number (Canvas's are), others after them as text; localeCompare's numeric option
// would build a collator per call, which costs more than the whole drawing.
const byIdOrder = (a: string, b: string): number => {
  const [x, y] = [Number(a), Number(b)];
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return Number.isFinite(x) ? -1 : Number.isFinite(y) ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/**
 * One lane per question (viewed, answered, flagged), in the order of their ids: at most `max` of
 * them, so that a page still holds the attempt; how many were left out is returned to be said.
 */
export function questionLanes(
  timed: readonly Timed[],
  max: number,
): { lanes: TimelineLane[]; leftOut: number } {
  const byId = new Map<string, TimelineLane>();
  const laneOf = (id: string): TimelineLane => {
    let found = byId.get(id);
    if (!found)
      byId.set(id, (found = { id: `question-${id}`, label: `Question ${id}`, spans: [], marks: [] }));
    return found;
  };
  for (const row of timed) {
    const { event } = row;
    if (isType(event, 'question_viewed'))
      for (const id of new Set(event.data.map(String)))
        laneOf(id).marks.push({ kind: 'viewed', ms: row.ms, row: row.index });
    else if (event.type === 'question_answered')
      for (const id of new Set(answeredIds(event.data)))
        laneOf(id).marks.push({ kind: 'answered', ms: row.ms, row: row.index });
    else if (isType(event, 'question_flagged')) {
      const id = idOf((event.data as { questionId?: unknown }).questionId);
      if (id !== null)
        laneOf(id).marks.push({
          kind: event.data.flagged ? 'flagged' : 'unflagged',
          ms: row.ms,
          row: row.index,
        });
    }
  }
  const ids = [...byId.keys()].sort(byIdOrder);
  return { lanes: ids.slice(0, max).map((id) => laneOf(id)), leftOut: Math.max(0, ids.length - max) };
}
