import { renderTime } from '../lib/time.js';

// Times as the take page writes them: `#quiz_urls` spans hold `iso8601` (second precision,
// UTC here, so a trailing Z); visible text uses Canvas's datetime_string ("Jan 15 at 10:05am").

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const iso8601 = (stored) => renderTime(stored) ?? '';

export function datetimeString(stored) {
  if (stored == null) return '';
  const date = new Date(stored);
  const hours = date.getUTCHours();
  const minutes = date.getUTCMinutes();
  const clock = `${hours % 12 || 12}${minutes ? `:${String(minutes).padStart(2, '0')}` : ''}${hours < 12 ? 'am' : 'pm'}`;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} at ${clock}`;
}
