import type { CaptureOptions } from '../../src/index.js';
import { CAPTURE_DEFAULTS } from '../../src/capture/resolve-capture-options.js';

/** Every capture switch off: delivery tests count only the events they record themselves. */
export const NO_CAPTURE: CaptureOptions = Object.fromEntries(
  Object.keys(CAPTURE_DEFAULTS)
    .filter((key) => key.startsWith('capture'))
    .map((key) => [key, false]),
);
