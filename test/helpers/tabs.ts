import { executeServerCommand } from '@web/test-runner-commands';
import type { ProctorOptions } from '../../src/index.js';

/** Opens test/pages/harness.html in a new tab with this proctor configuration; returns its id. */
export function openTab(config: ProctorOptions): Promise<number> {
  return executeServerCommand<number, object>('tab-open', {
    path: `/test/pages/harness.html?config=${encodeURIComponent(JSON.stringify(config))}`,
  });
}

/** Calls `window.harness[method](...args)` in a tab. */
export function callTab<T = unknown>(id: number, method: string, ...args: unknown[]): Promise<T> {
  return executeServerCommand<T, object>('tab-call', { id, method, args });
}

export const reloadTab = (id: number) => executeServerCommand('tab-reload', { id });
export const closeTab = (id: number) => executeServerCommand('tab-close', { id });
export const frontTab = (id: number) => executeServerCommand('tab-front', { id });
export const closeAllTabs = () => executeServerCommand('tab-close-all', {});
