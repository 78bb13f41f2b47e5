/** The step of performance.now() in this page, in µs (5 when cross-origin isolated, 100 otherwise). */
export function timerStepUs(): number {
  let step = Infinity;
  for (let k = 0; k < 50; k += 1) {
    const a = performance.now();
    let b = performance.now();
    while (b === a) b = performance.now();
    step = Math.min(step, b - a);
  }
  return step * 1000;
}
