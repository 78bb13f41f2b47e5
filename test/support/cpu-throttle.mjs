// Slow-machine mode: students take quizzes on cheap, busy laptops, where an IndexedDB commit, a
// timer, a lock grant, a channel message and a network answer arrive in any order. With
// QP_CPU_THROTTLE=<rate> (4 to 6 is a slow laptop) every page the tests use, the runner's and the
// extra tabs, runs with its main thread slowed by that factor through the DevTools protocol.
export const cpuThrottleRate = Number(process.env.QP_CPU_THROTTLE ?? 1) || 1;

/** Slows `page`'s CPU by `rate` (puppeteer page; a no-op at rate 1). */
export async function throttle(page, rate = cpuThrottleRate) {
  if (rate <= 1) return page;
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return page;
}

/** The launcher's createPage hook: the runner's pages start throttled and stay so across files. */
export const createThrottledPage = ({ context }) => context.newPage().then((page) => throttle(page));

/** A server command the tests can ask: `cpu-rate` answers the rate in force. */
export function cpuPlugin() {
  return {
    name: 'quiz-proctor-cpu',
    executeCommand({ command }) {
      if (command !== 'cpu-rate') return undefined;
      return cpuThrottleRate;
    },
  };
}
