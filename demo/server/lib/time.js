// Timestamps are stored as ISO-8601 UTC strings with milliseconds (`toISOString()`): they sort
// correctly as text in SQLite and keep sub-second order. Canvas renders API times at second
// precision (ActiveSupport JSON time_precision 0: "2014-11-16T13:37:21Z"), so rendering truncates.

export function dbTime(date) {
  return date.toISOString();
}

export function renderTime(stored) {
  if (stored == null) return null;
  return `${stored.slice(0, 19)}Z`;
}

export function addSeconds(stored, seconds) {
  return new Date(Date.parse(stored) + seconds * 1000).toISOString();
}

export function msBetween(laterStored, earlier) {
  return Date.parse(laterStored) - (earlier instanceof Date ? earlier.getTime() : Date.parse(earlier));
}
