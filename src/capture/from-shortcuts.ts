import type { Observable, SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../events/captured-event.js';
import { captureEvent } from './capture-event.js';
import { fromListener } from './from-listener.js';
import { keyName, SHORTCUT_CODES, SHORTCUT_PURPOSES } from './shortcut-purposes.js';

function shortcutOf(event: KeyboardEvent): string {
  const parts: string[] = [];
  if (event.ctrlKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  if (event.metaKey) parts.push('Meta');
  parts.push(keyName(event.code));
  return parts.join('+');
}

/**
 * `shortcut_pressed` for keyboard shortcuts commonly used to leave or inspect the page, named by
 * physical keys and modifiers. Every other key press is dismissed after one set lookup and never
 * recorded; auto-repeat is ignored.
 */
export function fromShortcuts(target: Window, scheduler: SchedulerLike): Observable<CapturedEvent> {
  return fromListener<KeyboardEvent>(target, ['keydown'], (event) => {
    if (event.repeat || !SHORTCUT_CODES.has(event.code)) return undefined;
    const shortcut = shortcutOf(event);
    const purpose = SHORTCUT_PURPOSES.get(shortcut);
    return purpose === undefined
      ? undefined
      : captureEvent('shortcut_pressed', { shortcut, purpose }, scheduler);
  });
}
