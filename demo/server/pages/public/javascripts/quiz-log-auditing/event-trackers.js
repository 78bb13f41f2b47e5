import { throttle } from './throttle.js';

// The five trackers Canvas registers (event_trackers/*.js, canvas-api.md §1.2), in Canvas's
// order. Each is `install(deliver) → uninstall`; `deliver(data)` enqueues an event of the
// tracker's type.

const parseQuestionId = (element) => element.id.replace(/^question_/, '');

/** jQuery's `:visible`: the element has a layout box. */
const isVisible = (element) =>
  element.offsetWidth > 0 || element.offsetHeight > 0 || element.getClientRects().length > 0;

/** in_viewport: the question's content box lies wholly inside the window's scroll boundaries. */
function inViewport(element) {
  const viewportTop = window.scrollY;
  const viewportBottom = viewportTop + document.documentElement.clientHeight;
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const top = rect.top + window.scrollY;
  const contentHeight =
    rect.height -
    ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce(
      (sum, name) => sum + (parseFloat(style[name]) || 0),
      0,
    );
  return viewportTop < top && viewportBottom > top + contentHeight;
}

function listen(target, type, handler) {
  target.addEventListener(type, handler);
  return () => target.removeEventListener(type, handler);
}

export const pageFocused = {
  eventType: 'page_focused',
  install: (deliver) =>
    listen(
      window,
      'focus',
      throttle(() => deliver(), 5000),
    ),
};

// The check waits a turn so Firefox has updated document.activeElement; focus moving into an
// iframe (the rich content editor) is not leaving the page. The throttle counts ignored blurs.
export const pageBlurred = {
  eventType: 'page_blurred',
  install: (deliver) =>
    listen(
      window,
      'blur',
      throttle(() => {
        setTimeout(() => {
          if (document.activeElement?.tagName !== 'IFRAME') deliver();
        });
      }, 5000),
    ),
};

// Scrolling only (nothing is reported at load); each question once per page load.
export const questionViewed = {
  eventType: 'question_viewed',
  install(deliver) {
    let viewed = [];
    return listen(
      window,
      'scroll',
      throttle(() => {
        const visible = [...document.querySelectorAll('.question[id]')]
          .filter((element) => isVisible(element) && inViewport(element))
          .map(parseQuestionId);
        const newlyViewed = visible.filter((id) => !viewed.includes(id));
        if (newlyViewed.length > 0) {
          viewed = viewed.concat(newlyViewed);
          deliver(newlyViewed);
        }
      }, 2500),
    );
  },
};

// Delegated on body, so it runs after the take page's own handler (on #questions) has toggled
// `marked`; it reads the state the click left.
export const questionFlagged = {
  eventType: 'question_flagged',
  install: (deliver) =>
    listen(document.body, 'click', (event) => {
      const flag = event.target instanceof Element ? event.target.closest('.flag_question') : null;
      const question = flag && event.target.closest('.question');
      if (!question) return;
      deliver({ flagged: question.classList.contains('marked'), questionId: parseQuestionId(question) });
    }),
};

// Once per take page: the first page of an attempt, not the …/take/questions/:id pages.
export const sessionStarted = {
  eventType: 'session_started',
  install(deliver) {
    const { href } = window.location;
    if (href.indexOf('question') === -1 && href.indexOf('take') > 0)
      deliver({ user_agent: navigator.userAgent });
    return () => {};
  },
};

export const TRACKERS = [pageFocused, pageBlurred, questionViewed, questionFlagged, sessionStarted];
