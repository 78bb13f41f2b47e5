// The one open timeline under the attempts table (QuizProctorReview.mountTimeline). Opening another
// closes the first. When the open attempt's events change it is drawn again, keeping what the
// teacher was doing: the filter, the mark in focus, the page's scroll.
/* global QuizProctorReview */

function stateOf(host) {
  const active = document.activeElement;
  return {
    filter: host.querySelector('select.qp-filter')?.value ?? '',
    focusedFilter: active?.matches('select.qp-filter') ?? false,
    focusedMark: host.contains(active) ? active.closest('.qp-item')?.getAttribute('aria-label') : null,
    scrollY: window.scrollY,
  };
}

function restore(host, state) {
  const select = host.querySelector('select.qp-filter');
  if (select && state.filter && [...select.options].some((option) => option.value === state.filter)) {
    select.value = state.filter;
    select.dispatchEvent(new Event('change'));
  }
  if (state.focusedFilter) select?.focus();
  const mark = [...host.querySelectorAll('.qp-item')].find(
    (item) => item.getAttribute('aria-label') === state.focusedMark,
  );
  if (mark) {
    // The view's roving tab stop moves to the mark, as its arrow keys would move it.
    host.querySelector('.qp-item[tabindex="0"]')?.setAttribute('tabindex', '-1');
    mark.setAttribute('tabindex', '0');
    mark.focus({ preventScroll: true });
  }
  window.scrollTo(window.scrollX, state.scrollY);
}

export function createAttemptTimeline(host) {
  let open = null;
  return {
    get openId() {
      return open?.id ?? null;
    },
    /** Shows attempt `id` ({ events, submission, title }); `key` says when its events changed. */
    show(id, key, input) {
      if (open?.id === id && open.key === key) return;
      const state = open?.id === id ? stateOf(host) : null;
      open?.view.destroy();
      open = { id, key, view: QuizProctorReview.mountTimeline(host, input) };
      if (state) restore(host, state);
    },
    close() {
      open?.view.destroy();
      open = null;
    },
  };
}
