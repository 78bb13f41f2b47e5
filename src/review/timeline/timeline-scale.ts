/** The drawing's own units (the SVG's viewBox): it scales to its container's width. */
export const LAYOUT = {
  width: 1000,
  plotX: 132,
  plotWidth: 852,
  axisHeight: 26,
  laneHeight: 24,
} as const;

/** Where a moment falls on the plot, in viewBox units, rounded to a tenth: the SVG stays short. */
export function createScale(startMs: number, endMs: number): (ms: number) => number {
  const perMs = LAYOUT.plotWidth / (endMs - startMs);
  return (ms) => Math.round((LAYOUT.plotX + (ms - startMs) * perMs) * 10) / 10;
}

/** The width of a stretch, unrounded below a tenth so that a short one still shows its true size. */
export function widthOf(durationMs: number, startMs: number, endMs: number): number {
  return Math.round(((durationMs * LAYOUT.plotWidth) / (endMs - startMs)) * 100) / 100;
}

// Tick steps a reader can add up: seconds, then minutes, then hours.
const STEPS_MS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400,
].map((s) => s * 1000);

/** The axis's ticks, in ms since the start: the smallest readable step giving at most ten. */
export function ticksOf(spanMs: number): number[] {
  const step = STEPS_MS.find((ms) => spanMs / ms <= 10) ?? Math.ceil(spanMs / 10 / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let ms = 0; ms <= spanMs; ms += step) ticks.push(ms);
  return ticks;
}
