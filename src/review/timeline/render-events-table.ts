import { escapeHtml, escapeText } from './escape-html.js';
import { eventCells } from './event-cells.js';
import type { TimelineModel, TimelineRow } from './timeline-model.js';

// Rows are laid out a chunk at a time (content-visibility): a chunk off screen costs its parse and
// nothing more, where a <table> lays out every row to size its columns (bench/README.md, "Timeline
// benchmark"). mountTimeline goes further and parses a chunk only when it comes near the screen.
export const CHUNK_ROWS = 100;
// About one row's height, for a chunk not yet laid out; `auto` keeps the real one once it was.
const ROW_PX = 22;

/** Rows of the events list, each `data-type` for the filter. */
export function renderEventRows(rows: readonly TimelineRow[], startMs: number): string {
  return rows
    .map((row) => {
      const cells = eventCells(row, startMs).map((text) => escapeText(text));
      return `<div role="row" class="qp-row" data-type="${escapeHtml(row.event.type)}"><span role="cell">${cells[0] ?? ''}</span><span role="cell">${cells[1] ?? ''}</span><span role="cell">${cells[2] ?? ''}</span><span role="cell">${cells[3] ?? ''}</span><span role="cell"><code>${cells[4] ?? ''}</code></span></div>`;
    })
    .join('');
}

/** The chunks of `rows`, filled, or empty for mountTimeline to fill as they come near the screen. */
export function renderChunks(rows: readonly TimelineRow[], startMs: number, filled: boolean): string {
  const chunks: string[] = [];
  for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
    const slice = rows.slice(from, from + CHUNK_ROWS);
    const height = `auto ${String(slice.length * ROW_PX)}px`;
    // Left empty, the chunk gets its height from mountTimeline through the CSSOM, which a page's CSP
    // allows where it may refuse a style attribute.
    const size = filled ? `style="contain-intrinsic-size:${height}"` : `data-height="${height}"`;
    chunks.push(
      `<div role="rowgroup" class="qp-chunk" data-from="${String(from)}" ${size}>${filled ? renderEventRows(slice, startMs) : ''}</div>`,
    );
  }
  return chunks.join('');
}

/**
 * The raw events, newest last, as a grid of rows with the table roles (it reads as a table), and a
 * `<select>` of their types, hidden until mountTimeline makes it work (a report written to a file
 * has no script).
 */
export function renderEventsTable(model: TimelineModel, idPrefix: string, filled: boolean): string {
  const counts = new Map<string, number>();
  for (const row of model.rows) counts.set(row.event.type, (counts.get(row.event.type) ?? 0) + 1);
  const options = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, n]) => `<option value="${escapeHtml(type)}">${escapeText(type)} (${String(n)})</option>`)
    .join('');
  const select = escapeHtml(`${idPrefix}-filter`);
  const head =
    '<div role="rowgroup"><div role="row" class="qp-row qp-head"><span role="columnheader">#</span><span role="columnheader">time</span><span role="columnheader">type</span><span role="columnheader">page load · seq</span><span role="columnheader">event_data</span></div></div>';
  return `<div class="qp-events"><h3 id="${select}-title">Events</h3><p class="qp-filter-line" hidden><label for="${select}">Show</label> <select id="${select}" class="qp-filter"><option value="">every type (${String(model.rows.length)})</option>${options}</select></p><div role="table" class="qp-table" aria-labelledby="${select}-title">${head}<div class="qp-body">${renderChunks(model.rows, model.startMs, filled)}</div></div></div>`;
}
