import type { AnalyzeAttemptInput } from '../analyze-attempt-input.js';
import { adoptStyle } from './adopt-style.js';
import { buildTimeline } from './build-timeline.js';
import { eventCells } from './event-cells.js';
import { CHUNK_ROWS, renderChunks, renderEventRows } from './render-events-table.js';
import { renderModel } from './render-timeline.js';
import type { TimelineRow } from './timeline-model.js';

// How many of a merged mark's events the details spell out; the rest are counted.
const MAX_DETAILED = 5;
// A chunk of the events list is parsed this far before it scrolls into view.
const AHEAD = '600px';

/** What `mountTimeline` returns: `destroy` removes the view and every listener it added. */
export interface MountedTimeline {
  destroy(): void;
}

/**
 * Shows `renderTimeline(input)` in `element` and makes it usable: pointing at or focusing a mark,
 * stretch or badge shows its events in the details region (a polite live region); Tab reaches the
 * timeline, then ←/→ move along a lane, ↑/↓ to the nearest item of the lane above or below,
 * Home/End to a lane's ends; the `<select>` filters the events list by type. The list's rows are
 * parsed as they come near the screen, so a long attempt shows at once. No inline style, so a
 * strict CSP (`style-src 'self'`) lets it draw: its styles come as a sheet adopted by the document
 * (or shadow root) `element` is in when mounted. Listeners sit on the view's own nodes; `destroy()`
 * removes them, the view and, with the document's last view, the sheet.
 *
 * @throws {ReviewInputError} as `analyzeAttempt` does, on an input of the wrong shape.
 * @example
 * ```ts
 * import { mountTimeline } from 'quiz-proctor/review';
 *
 * const view = mountTimeline(host, { events, submission }); // host: the element to draw in
 * view.destroy(); // when the reviewer moves on
 * ```
 */
export function mountTimeline(
  element: Element,
  input: AnalyzeAttemptInput & { title?: string },
): MountedTimeline {
  const model = buildTimeline(input);
  element.innerHTML = renderModel(model, false);
  const root = element.querySelector('[data-quiz-proctor-review]');
  const svg = root?.querySelector('svg.qp-timeline');
  const details = root?.querySelector('.qp-details');
  const select = root?.querySelector<HTMLSelectElement>('select.qp-filter');
  const body = root?.querySelector('.qp-body');
  if (!root || !svg || !details || !select || !body)
    throw new Error('quiz-proctor: the timeline did not render');
  const releaseStyle = adoptStyle(element);
  select.parentElement?.removeAttribute('hidden');
  const xOf = (item: Element) => Number(item.getAttribute('data-x'));
  // Each lane's items in time order: the moves of the arrow keys, read at the first key (the
  // renderer wrote them in that order), not at mount, where a long attempt waits for every moment.
  let laneItems: Element[][] | undefined;
  const lanesOf = () =>
    (laneItems ??= [...svg.querySelectorAll('.qp-lane')]
      .map((lane) => [...lane.querySelectorAll('.qp-item')])
      .filter((items) => items.length > 0));

  let shown: readonly TimelineRow[] = model.rows;
  const fill = (chunk: Element) => {
    const from = Number(chunk.getAttribute('data-from'));
    if (chunk.hasChildNodes()) return;
    chunk.innerHTML = renderEventRows(shown.slice(from, from + CHUNK_ROWS), model.startMs);
  };
  // Where the page has no IntersectionObserver, every chunk is filled at once.
  const Observer = element.ownerDocument.defaultView?.IntersectionObserver;
  const observer = Observer
    ? new Observer(
        (entries) => {
          for (const entry of entries)
            if (entry.isIntersecting) {
              fill(entry.target);
              observer?.unobserve(entry.target);
            }
        },
        { rootMargin: AHEAD },
      )
    : undefined;
  // The first chunk at once (a short attempt's whole list, the top of a long one), the rest as
  // they come near the screen. Each chunk's height is set from script: a style attribute in the
  // HTML would be refused by a page whose CSP allows no inline style.
  const watchChunks = () => {
    [...body.children].forEach((chunk, index) => {
      const height = chunk.getAttribute('data-height');
      if (height !== null) (chunk as HTMLElement).style.setProperty('contain-intrinsic-size', height);
      if (index === 0 || !observer) fill(chunk);
      else observer.observe(chunk);
    });
  };
  watchChunks();

  let current: Element | null = null;
  const show = (item: Element) => {
    current?.classList.remove('qp-current');
    item.classList.add('qp-current');
    current = item;
    const indexes = (item.getAttribute('data-rows') ?? '').split(' ').filter(Boolean).map(Number);
    const count = Number(item.getAttribute('data-count'));
    const lines = indexes.slice(0, MAX_DETAILED).flatMap((index) => {
      const row = model.rows[index];
      return row ? [eventCells(row, model.startMs).join('  ')] : [];
    });
    if (count > MAX_DETAILED) lines.push(`and ${String(count - MAX_DETAILED)} more`);
    details.textContent = [item.getAttribute('aria-label') ?? '', ...lines].join('\n');
  };
  // Every target under the SVG is an element of it; read without `instanceof` so that no page
  // global is needed (src/review's rule, and a view mounted into another window's document).
  const target = (node: EventTarget | null): Element | null =>
    (node as Element | null)?.closest('.qp-item') ?? null;

  const onKey = (event: Event) => {
    const item = target(event.target);
    const key = (event as KeyboardEvent).key;
    if (!item) return;
    const lanes = lanesOf();
    const laneIndex = lanes.findIndex((items) => items.includes(item));
    const lane = lanes[laneIndex] ?? [];
    const at = lane.indexOf(item);
    const nearest = (items: Element[] | undefined) =>
      items?.reduce((a, b) => (Math.abs(xOf(b) - xOf(item)) < Math.abs(xOf(a) - xOf(item)) ? b : a));
    const next: Partial<Record<string, Element>> = {
      ArrowRight: lane[at + 1],
      ArrowLeft: lane[at - 1],
      ArrowDown: nearest(lanes[laneIndex + 1]),
      ArrowUp: nearest(lanes[laneIndex - 1]),
      Home: lane[0],
      End: lane[lane.length - 1],
    };
    const to = next[key];
    if (!(key in next)) return;
    event.preventDefault();
    if (!to) return;
    item.setAttribute('tabindex', '-1');
    to.setAttribute('tabindex', '0');
    (to as SVGElement).focus();
  };
  const onShow = (event: Event) => {
    const item = target(event.target);
    if (item) show(item);
  };
  const onFilter = () => {
    observer?.disconnect();
    shown = select.value === '' ? model.rows : model.rows.filter((row) => row.event.type === select.value);
    body.innerHTML = renderChunks(shown, model.startMs, false);
    watchChunks();
  };
  const listeners: [Element, string, (event: Event) => void][] = [
    [svg, 'keydown', onKey],
    [svg, 'focusin', onShow],
    [svg, 'pointerover', onShow],
    [select, 'change', onFilter],
  ];
  for (const [node, type, listener] of listeners) node.addEventListener(type, listener);
  return {
    destroy() {
      observer?.disconnect();
      for (const [node, type, listener] of listeners) node.removeEventListener(type, listener);
      element.replaceChildren();
      releaseStyle();
    },
  };
}
