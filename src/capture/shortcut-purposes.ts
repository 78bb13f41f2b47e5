import type { ShortcutPurpose } from '../events/event-data.js';

// Space-separated lists: the table ships in the page bundle, where quotes and commas cost more than the split.
const BY_PURPOSE: Record<ShortcutPurpose, string> = {
  developer_tools: 'F12 Ctrl+Shift+I Ctrl+Shift+J Ctrl+Shift+C Ctrl+Shift+K Alt+Meta+I Alt+Meta+J Alt+Meta+C',
  view_source: 'Ctrl+U Alt+Meta+U',
  print: 'Ctrl+P Meta+P',
  save_page: 'Ctrl+S Meta+S',
  switch_tab:
    'Ctrl+Tab Ctrl+Shift+Tab Ctrl+PageDown Ctrl+PageUp Alt+Meta+ArrowLeft Alt+Meta+ArrowRight ' +
    'Shift+Meta+BracketLeft Shift+Meta+BracketRight ' +
    'Ctrl+1 Ctrl+2 Ctrl+3 Ctrl+4 Ctrl+5 Ctrl+6 Ctrl+7 Ctrl+8 Ctrl+9 Meta+1 Meta+2 Meta+3 Meta+4 Meta+5 Meta+6 Meta+7 Meta+8 Meta+9',
  new_tab: 'Ctrl+T Meta+T',
  new_window: 'Ctrl+N Ctrl+Shift+N Meta+N Shift+Meta+N',
  close_tab: 'Ctrl+W Ctrl+F4 Meta+W',
  switch_app: 'Alt+Tab Alt+Shift+Tab Meta+Tab',
  navigate: 'Alt+ArrowLeft Alt+ArrowRight Meta+BracketLeft Meta+BracketRight Ctrl+L Meta+L',
  screenshot: 'PrintScreen Shift+Meta+3 Shift+Meta+4 Shift+Meta+5 Shift+Meta+S',
};

/** Shortcut (modifiers in the order Ctrl, Alt, Shift, Meta, then the key) → what it is used for. */
export const SHORTCUT_PURPOSES: ReadonlyMap<string, ShortcutPurpose> = new Map(
  Object.entries(BY_PURPOSE).flatMap(([purpose, shortcuts]) =>
    shortcuts.split(' ').map((shortcut) => [shortcut, purpose as ShortcutPurpose] as const),
  ),
);

/** The key part of a shortcut, from the physical key: `KeyI` → `I`, `Digit1` → `1`, `F12` → `F12`. */
export function keyName(code: string): string {
  return code.replace(/^(Key|Digit)/, '');
}

/**
 * The physical key codes any shortcut ends with (`KeyI`, `Digit1`, `F12`), to dismiss ordinary
 * typing at the cost of one lookup of `event.code`.
 */
export const SHORTCUT_CODES: ReadonlySet<string> = new Set(
  [...SHORTCUT_PURPOSES.keys()].map((shortcut) => {
    const key = shortcut.slice(shortcut.lastIndexOf('+') + 1);
    if (/^[A-Z]$/.test(key)) return `Key${key}`;
    if (/^\d$/.test(key)) return `Digit${key}`;
    return key;
  }),
);
