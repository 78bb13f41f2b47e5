import { executeServerCommand } from '@web/test-runner-commands';

/** Whether the suite runs in Firefox, where nothing is driven through CDP (no debugger pause, no request blocking). */
export const inFirefox = async () => (await executeServerCommand<string, object>('engine', {})) === 'firefox';
