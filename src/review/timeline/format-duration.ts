/**
 * A duration for a person, rounded as a reviewer reads it: `0 s`, `850 ms`, `4.5 s`, `42 s`, `1 min 30 s`,
 * `2 h 5 min`; `unknown` where the log cannot say (`null`).
 */
export function formatDuration(ms: number | null): string {
  if (ms === null) return 'unknown';
  // Nothing at all reads as such, not as a measurement of under a second.
  if (ms === 0) return '0 s';
  if (ms < 1000) return `${String(Math.round(ms))} ms`;
  // Below 10 s a tenth still matters (a 1.5 s glance); above, whole seconds.
  if (ms < 9950) return `${String(Math.round(ms / 100) / 10)} s`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${String(seconds)} s`;
  if (seconds < 3600) {
    const rest = seconds % 60;
    return `${String(Math.floor(seconds / 60))} min${rest === 0 ? '' : ` ${String(rest)} s`}`;
  }
  const minutes = Math.round((seconds % 3600) / 60);
  const hours = Math.floor(seconds / 3600) + (minutes === 60 ? 1 : 0);
  return `${String(hours)} h${minutes % 60 === 0 ? '' : ` ${String(minutes)} min`}`;
}
