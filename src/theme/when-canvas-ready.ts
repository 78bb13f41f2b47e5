import { asyncScheduler, type SchedulerLike } from 'rxjs';

// Canvas's page code can stall (a slow bundle, a failed plugin): the wait has an end.
const MAX_WAIT_MS = 10_000;

/**
 * Resolves once Canvas's page code has started (`window.canvasReadyState` leaves `'loading'`,
 * announced by `canvasReadyStateChange` on the window: canvas-pages.md §3), at once on a page
 * without it, and after `MAX_WAIT_MS` at the latest.
 */
export function whenCanvasReady(win: Window, scheduler: SchedulerLike = asyncScheduler): Promise<void> {
  const state = () => (win as Window & { canvasReadyState?: unknown }).canvasReadyState;
  if (state() !== 'loading') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      win.removeEventListener('canvasReadyStateChange', check);
      timeout.unsubscribe();
      resolve();
    };
    const check = () => {
      if (state() !== 'loading') done();
    };
    win.addEventListener('canvasReadyStateChange', check);
    const timeout = scheduler.schedule(done, MAX_WAIT_MS);
  });
}
