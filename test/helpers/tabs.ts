import { executeServerCommand } from '@web/test-runner-commands';
import type { ProctorOptions } from '../../src/index.js';

/** Opens test/pages/harness.html in a new tab with this proctor configuration; returns its id. */
export function openTab(config: ProctorOptions, { preload }: { preload?: string } = {}): Promise<number> {
  return executeServerCommand<number, object>('tab-open', {
    path: `/test/pages/harness.html?config=${encodeURIComponent(JSON.stringify(config))}`,
    ...(preload === undefined ? {} : { preload }),
  });
}

/** Opens another page of the site (test/pages/elsewhere.html), no quiz in it: somewhere to go. */
export const openOtherTab = () =>
  executeServerCommand<number, object>('tab-open', { path: '/test/pages/elsewhere.html' });

/** Calls `window.harness[method](...args)` in a tab. */
export async function callTab<T = unknown>(id: number, method: string, ...args: unknown[]): Promise<T> {
  return (await executeServerCommand<{ value: T }, object>('tab-call', { id, method, args })).value;
}

export const reloadTab = (id: number) => executeServerCommand('tab-reload', { id });
export const closeTab = (id: number) => executeServerCommand('tab-close', { id });
export const frontTab = (id: number) => executeServerCommand('tab-front', { id });
/** Cuts a tab's network for URLs matching `conditions.urlPattern` (the `network` command's payload); `{}` restores it. */
export const tabNetwork = (id: number, conditions: { offline?: boolean; urlPattern?: string }) =>
  executeServerCommand('tab-network', { id, conditions });
/** DevTools' request blocking in a tab: its requests to URLs matching `urls` fail (Chromium only). */
export const blockTabUrls = (id: number, urls: string[]) => executeServerCommand('tab-block', { id, urls });
/** Holds a tab paused in the debugger for `ms` through the DevTools protocol; answers the pause held (Chromium only). */
export const pauseTab = (id: number, ms: number) =>
  executeServerCommand<number, object>('tab-pause', { id, ms });
export const closeAllTabs = () => executeServerCommand('tab-close-all', {});

/** How a tab goes away right after the student's last act. */
export type TabExit = 'close' | 'reload' | 'navigate';

/**
 * Runs a student's last act in a tab (a harness call, or a real click on a selector), then
 * `delayMs` later closes, reloads or navigates the tab, all from the browser's side.
 */
export function actThenExit(
  id: number,
  act: { method: string; args?: unknown[] } | { click: string },
  exit: TabExit,
  delayMs: number,
): Promise<unknown> {
  return executeServerCommand('tab-act', { id, ...act, then: exit, delayMs });
}
