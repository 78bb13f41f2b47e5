// Submission#grade_to_score / Assignment#score_to_grade for `posted_grade`, per grading type.
// Points "13.5" and percent "40%" work for every type; letters use Canvas's default grading
// scheme; pass|complete / fail|incomplete are for pass_fail (and accepted everywhere, as
// Canvas's interpret_grade does). Unparseable grades → null (Canvas then leaves the score).

export const DEFAULT_SCHEME = [
  ['A', 0.94],
  ['A-', 0.9],
  ['B+', 0.87],
  ['B', 0.84],
  ['B-', 0.8],
  ['C+', 0.77],
  ['C', 0.74],
  ['C-', 0.7],
  ['D+', 0.67],
  ['D', 0.64],
  ['D-', 0.61],
  ['F', 0],
];

const round2 = (n) => Math.round(n * 100) / 100;
const numberText = (n) => String(round2(n));

/** posted_grade → score, or null when it is not a grade. */
export function gradeToScore(posted, assignment) {
  const text = String(posted ?? '').trim();
  const points = assignment.points_possible ?? 0;
  if (text === '') return null;
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(text)) return round2((Number(text.slice(0, -1)) / 100) * points);
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower === 'pass' || lower === 'complete') return points;
  if (lower === 'fail' || lower === 'incomplete') return 0;
  // A letter gives the bottom of its range (UNVERIFIED: Canvas may use another point in it).
  const letter = DEFAULT_SCHEME.find(([name]) => name.toLowerCase() === lower);
  return letter ? round2(letter[1] * points) : null;
}

/** score → the grade string Canvas shows for the assignment's grading type. */
export function scoreToGrade(score, assignment) {
  if (score == null) return null;
  const points = assignment.points_possible ?? 0;
  switch (assignment.grading_type) {
    case 'percent':
      return `${points > 0 ? numberText((score / points) * 100) : 0}%`;
    case 'pass_fail':
      return points > 0
        ? score >= points
          ? 'complete'
          : 'incomplete'
        : score > 0
          ? 'complete'
          : 'incomplete';
    case 'letter_grade': {
      const ratio = points > 0 ? score / points : 0;
      return DEFAULT_SCHEME.find(([, min]) => ratio >= min - 1e-9)?.[0] ?? 'F';
    }
    default:
      return numberText(score);
  }
}
