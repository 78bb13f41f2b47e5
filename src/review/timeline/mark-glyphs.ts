import type { MarkKind, SpanKind } from './timeline-model.js';

const letter = (char: string): string =>
  `<circle r="6.5"/><text y="3.5" text-anchor="middle" class="qp-glyph-letter">${char}</text>`;

/**
 * Each mark's words and shape, drawn around (0, 0): the shape tells kinds apart without colour
 * (high contrast, a grey-scale print), and the words name it for a screen reader and the details.
 */
export const MARK_GLYPHS: Record<MarkKind, { label: string; shape: string }> = {
  left: { label: 'Left the window', shape: '<path d="M-5,-5H5L0,4Z"/>' },
  back: { label: 'Back to the window', shape: '<path d="M-5,4H5L0,-5Z"/>' },
  hidden: { label: 'Page hidden', shape: '<circle r="4.5" class="qp-hollow"/>' },
  disconnected: { label: 'Went offline', shape: '<path d="M-4,-4L4,4M4,-4L-4,4" class="qp-stroke"/>' },
  fullscreen_entered: {
    label: 'Entered fullscreen',
    shape: '<rect x="-4.5" y="-4.5" width="9" height="9" class="qp-hollow"/>',
  },
  copied: { label: 'Copied text', shape: letter('C') },
  cut: { label: 'Cut text', shape: letter('X') },
  pasted: { label: 'Pasted text', shape: letter('V') },
  context_menu: { label: 'Opened the context menu', shape: letter('M') },
  print: { label: 'Asked to print', shape: letter('P') },
  shortcut: { label: 'Pressed a shortcut', shape: letter('K') },
  resized: { label: 'Resized the window', shape: letter('R') },
  viewed: { label: 'Viewed', shape: '<circle r="4" class="qp-hollow"/>' },
  answered: { label: 'Answered', shape: '<rect x="-4" y="-4" width="8" height="8"/>' },
  flagged: { label: 'Flagged', shape: '<path d="M-3,6V-6L6,-3L-3,0Z"/>' },
  unflagged: { label: 'Unflagged', shape: '<path d="M-3,6V-6L6,-3L-3,0Z" class="qp-hollow"/>' },
};

/** How a stretch is named, and its pattern (hatched, dotted, crossed, plain): never colour alone. */
export const SPAN_NAMES: Record<SpanKind, string> = {
  away: 'Away',
  hidden: 'Hidden',
  offline: 'Offline',
  fullscreen: 'In fullscreen',
};
