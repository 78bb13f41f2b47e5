import type { Observable, SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { captureEvent } from './capture-event.js';
import type { CaptureContext } from './capture-context.js';
import { fromListener } from './from-listener.js';

const EVENT_TYPES = { copy: 'text_copied', cut: 'text_cut', paste: 'text_pasted' } as const;

function selectedLength(event: ClipboardEvent, target: Window): number {
  const element = event.target;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    const { selectionStart, selectionEnd } = element;
    if (selectionStart !== null && selectionEnd !== null) return selectionEnd - selectionStart;
  }
  // Serialising the selection needs layout; a copy is a rare, deliberate act, not a hot path.
  return target.getSelection()?.toString().length ?? 0;
}

/**
 * `text_copied`, `text_cut` and `text_pasted`, with the question they happened in and the length of
 * the text. The text itself is never kept: only its length leaves this function.
 */
export function fromClipboard(
  target: Window,
  scheduler: SchedulerLike,
  opts: Pick<CaptureContext, 'locator'>,
): Observable<CapturedEvent> {
  return fromListener<ClipboardEvent>(target.document, ['copy', 'cut', 'paste'], (event) => {
    const type = EVENT_TYPES[event.type as keyof typeof EVENT_TYPES];
    const question_id =
      opts.locator.find(event.target)?.id ??
      opts.locator.find(target.getSelection()?.anchorNode ?? null)?.id ??
      null;
    const text_length =
      type === 'text_pasted'
        ? (event.clipboardData?.getData('text/plain').length ?? 0)
        : selectedLength(event, target);
    return captureEvent(type, { question_id, text_length }, scheduler);
  });
}
