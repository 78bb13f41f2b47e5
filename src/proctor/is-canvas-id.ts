/** A Canvas id as a page or a school writes it: a whole number, or its digits as a string. */
export const isCanvasId = (value: unknown): value is string | number =>
  (typeof value === 'number' || typeof value === 'string') && /^\d+$/.test(String(value));
