import { filter, map, type Observable, type SchedulerLike } from 'rxjs';
import type { CapturedEvent } from '../pipeline/event-record.js';
import { captureEvent } from './capture-event.js';
import { fromDomEvent } from './from-dom-event.js';
import { keyName, SHORTCUT_KEYS, SHORTCUT_PURPOSES } from './shortcut-purposes.js';

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
  return fromDomEvent<KeyboardEvent>(target, 'keydown').pipe(
    filter((event) => !event.repeat && SHORTCUT_KEYS.has(keyName(event.code))),
    map((event) => {
      const shortcut = shortcutOf(event);
      const purpose = SHORTCUT_PURPOSES.get(shortcut);
      return purpose === undefined
        ? undefined
        : captureEvent('shortcut_pressed', { shortcut, purpose }, scheduler);
    }),
    filter((event) => event !== undefined),
  );
}
