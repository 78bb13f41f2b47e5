const pad = (value: number): string => String(value).padStart(2, '0');

/**
 * Time since the attempt's start as a clock reads it, `m:ss` or `h:mm:ss`: the axis and the events
 * table show elapsed time, which needs no time zone and reads the same on every reviewer's screen.
 */
export function formatElapsed(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const clock = hours > 0 ? `${String(hours)}:${pad(minutes)}` : String(minutes);
  return `${sign}${clock}:${pad(seconds % 60)}`;
}
