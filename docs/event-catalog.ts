// The prose of the event catalog: documentation, so it lives outside src/ and never ships. The
// compiler still checks it: one entry per type, and each example against the type's event_data.
import type { CaptureEventDataMap, CaptureEventType } from '../src/events/event-data.js';
import type { EventSwitches } from '../src/events/event-traits.js';

/** One catalog entry: the prose docs/events.md says about an event type (its origin and priority are src/events/event-traits.ts). */
export interface CatalogEntry<K extends CaptureEventType> {
  /** The option that turns it off (on, for `captureAnswers`); null for loss records, always on. */
  option: EventSwitches[K];
  /** When it fires. */
  fires: string;
  /** A typical `event_data`, checked against the type above by the compiler. */
  example: CaptureEventDataMap[K];
  /** What each field means; keys absent in some events are listed in `optional`. */
  fields: Record<string, string>;
  optional?: readonly string[];
}

// One entry per type: the mapped type makes the compiler reject a type without its entry.
/** Every event type the SDK records, with its trigger and a typical `event_data`: the source of docs/events.md. */
export const EVENT_CATALOG: { readonly [K in CaptureEventType]: CatalogEntry<K> } = {
  session_started: {
    option: 'captureSessionStart',
    fires:
      "Once per attempt, when capture starts for the first time in that attempt. A reload, or the next page of a one-question-at-a-time quiz, does not repeat it: the attempt's memory holds the key `session_started`.",
    example: {
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0',
    },
    fields: { user_agent: '`navigator.userAgent`.' },
  },
  page_blurred: {
    option: 'captureFocus',
    fires:
      'The window lost focus to another window, tab or application. The page counts as focused when capture starts (a page that starts hidden shows as `page_hidden`). Focus moving into an iframe of the page (the rich content editor) is not a blur; focus leaving such a same-origin iframe for another window is. Throttled like Canvas (`focusThrottleMs`, leading edge), but a transition suppressed by the throttle is recorded when the window ends if the state still differs, so the record always ends in the true state.',
    example: undefined,
    fields: {},
  },
  page_focused: {
    option: 'captureFocus',
    fires:
      'The window got focus back after a recorded `page_blurred` (never before one). Same throttle and end-in-the-true-state rule as `page_blurred`.',
    example: undefined,
    fields: {},
  },
  window_blurred: {
    option: 'captureFocus',
    fires:
      "`page_blurred` under our own name, recorded instead of it where Canvas's types are Canvas's to send (`canvasTypes`: on a Canvas take page, where Canvas's own logger sends `page_blurred`). Same moments, same rules, so a reviewer reading our events sees every departure even where Canvas's logger was silenced, while Canvas's log shows each departure once. Also recorded, in every mode, for a departure no event reported (`sampled`).",
    example: {},
    fields: {
      sampled:
        'Present (`true`) only when the departure was found by sampling, not by an event: see `tamper_suspected`.',
    },
    optional: ['sampled'],
  },
  window_focused: {
    option: 'captureFocus',
    fires: '`page_focused` under our own name, recorded instead of it on the same pages as `window_blurred`.',
    example: { away_ms: 12500 },
    fields: {
      away_ms:
        'How long the window was away: from the moment it left (the recorded `window_blurred`) to the moment it came back, even where the 5 s throttle held either record back.',
      sampled:
        'Present (`true`) only when the departure was found by sampling, not by an event: see `tamper_suspected`.',
    },
    optional: ['sampled'],
  },
  question_viewed: {
    option: 'captureQuestionViews',
    fires:
      'Questions became visible: entirely inside the viewport vertically, or, for a question taller than the viewport, filling it. Seen through IntersectionObserver, so questions visible at load and after layout changes count, not only after a scroll. Each id once per attempt (memory key `question_viewed:<id>`). Ids seen together are sent together; at most one event per `questionViewThrottleMs` (leading edge, later ids gathered for the end of the window). With `questionViewDwellMs`, a question must stay visible that long.',
    example: ['1234', '1235'],
    fields: { '[]': 'Question ids, as strings, newly seen.' },
  },
  question_flagged: {
    option: 'captureQuestionFlags',
    fires:
      "A click on a flag control (`.flag_question`, `[data-quiz-flag]`) changed the question's flag state, read from the page as soon as the page shows the change (`marked` class, or `data-quiz-flagged` on the question; a MutationObserver watches the clicked question, so a page that stops the click or renders later counts too). A click that leaves the state as it was records nothing.",
    example: { flagged: true, questionId: '1234' },
    fields: {
      flagged: 'The state after the click.',
      questionId: 'The question id (camelCase key, as Canvas sends it).',
    },
  },
  question_answered: {
    option: 'captureAnswers',
    fires:
      "Off by default: answers are the student's text. With `captureAnswers: true`, answer inputs (`question_<id>…`) that changed are read once typing pauses for `answerDebounceMs`, or at once on `change`; answers equal to the last one recorded (or to the answer present when the question appeared) are dropped, as Canvas's optimizer does. Fill-in-multiple-blanks and multiple-dropdowns are keyed by `data-quiz-blank` when present, else by the input name's suffix (Canvas renders the blank's variable id, not its name). Typing inside the rich content editor (an iframe) is seen only when the editor writes back to its textarea.",
    example: [
      { quiz_question_id: '1234', answer: 5678 },
      { quiz_question_id: '1235', answer: 'photosynthesis' },
    ],
    fields: {
      '[].quiz_question_id': 'The question id, as a string.',
      '[].answer':
        'By type: essay / short answer / numerical / calculated: string; multiple choice / true-false: answer id (number); multiple answers: answer ids (number[]); fill in multiple blanks: `{blank: text}`; multiple dropdowns: `{blank: answer id}`; matching: `[{answer_id, match_id}]`.',
    },
  },
  page_hidden: {
    option: 'captureVisibility',
    fires:
      'The page became hidden (another tab in front, window minimised, screen locked), or was hidden when capture started.',
    example: {},
    fields: {
      sampled:
        'Present (`true`) only when the departure was found by sampling, not by an event: see `tamper_suspected`.',
    },
    optional: ['sampled'],
  },
  page_visible: {
    option: 'captureVisibility',
    fires: 'The page became visible again after a recorded `page_hidden`.',
    example: { hidden_ms: 8200 },
    fields: {
      hidden_ms: 'How long it was hidden.',
      sampled:
        'Present (`true`) only when the departure was found by sampling, not by an event: see `tamper_suspected`.',
    },
    optional: ['sampled'],
  },
  text_copied: {
    option: 'captureClipboard',
    fires: 'A `copy` in the page (keyboard, menu or script). The text itself is never read into the record.',
    example: { question_id: '1234', text_length: 42 },
    fields: {
      question_id: 'The question it happened in, or `null` outside any question.',
      text_length: 'Length of the selected text, in UTF-16 code units.',
    },
  },
  text_cut: {
    option: 'captureClipboard',
    fires: 'A `cut` in the page. The text itself is never read into the record.',
    example: { question_id: '1234', text_length: 12 },
    fields: {
      question_id: 'The question it happened in, or `null` outside any question.',
      text_length: 'Length of the selected text, in UTF-16 code units.',
    },
  },
  text_pasted: {
    option: 'captureClipboard',
    fires: 'A `paste` in the page. Only the length of the pasted text is kept.',
    example: { question_id: '1235', text_length: 310 },
    fields: {
      question_id: 'The question it happened in, or `null` outside any question.',
      text_length: 'Length of the clipboard text, in UTF-16 code units.',
    },
  },
  context_menu_opened: {
    option: 'captureContextMenu',
    fires: 'A context menu was requested (right click, menu key, long press).',
    example: { question_id: '1234' },
    fields: { question_id: 'The question it happened in, or `null` outside any question.' },
  },
  fullscreen_entered: {
    option: 'captureFullscreen',
    fires:
      'The page went fullscreen through the Fullscreen API (the page asked for it), or was fullscreen when capture started. Browser fullscreen (F11) is not visible to the page.',
    example: {},
    fields: {},
  },
  fullscreen_exited: {
    option: 'captureFullscreen',
    fires: 'The page left fullscreen after a recorded `fullscreen_entered`.',
    example: { fullscreen_ms: 600000 },
    fields: { fullscreen_ms: 'How long it was fullscreen.' },
  },
  print_requested: {
    option: 'capturePrint',
    fires: 'Printing started (`beforeprint`): print shortcut, browser menu or `window.print()`.',
    example: {},
    fields: {},
  },
  window_resized: {
    option: 'captureWindowSize',
    fires:
      'The viewport size or the device pixel ratio (browser zoom, a monitor with another density) changed, recorded once resizing settles for `resizeDebounceMs`. Not at start.',
    example: {
      width_px: 1280,
      height_px: 720,
      outer_width_px: 1296,
      outer_height_px: 824,
      device_pixel_ratio: 1.25,
    },
    fields: {
      width_px: '`innerWidth`, CSS px.',
      height_px: '`innerHeight`, CSS px.',
      outer_width_px: '`outerWidth`: a large gap to `width_px` can mean docked developer tools.',
      outer_height_px: '`outerHeight`.',
      device_pixel_ratio: '`devicePixelRatio`.',
    },
  },
  screen_changed: {
    option: 'captureScreen',
    fires:
      'At start (`initial: true`), then whenever the screen the window is on changes size or `screen.isExtended` changes (the window moved to another monitor, a monitor was plugged in).',
    example: { width_px: 2560, height_px: 1440, device_pixel_ratio: 1.25, is_extended: true, initial: false },
    fields: {
      width_px: '`screen.width`, CSS px.',
      height_px: '`screen.height`, CSS px.',
      device_pixel_ratio: '`devicePixelRatio`.',
      is_extended: '`screen.isExtended` (more than one screen), only where the browser has it (Chromium).',
      initial: '`true` for the reading at start.',
    },
    optional: ['is_extended'],
  },
  network_disconnected: {
    option: 'captureNetwork',
    fires: 'The browser went offline (`offline` event), or was offline when capture started.',
    example: {},
    fields: {},
  },
  network_reconnected: {
    option: 'captureNetwork',
    fires: 'The browser came back online after a recorded `network_disconnected`.',
    example: { offline_ms: 15000 },
    fields: { offline_ms: 'How long it was offline.' },
  },
  shortcut_pressed: {
    option: 'captureShortcuts',
    fires:
      'A keyboard shortcut commonly used to leave or inspect the page reached the page (developer tools, view source, print, save, tab and window switching, back/forward, screenshot). Matched on physical keys (`KeyboardEvent.code`) and modifiers; other keys are never recorded, auto-repeat is ignored. Shortcuts the browser or the OS keeps for itself never reach the page.',
    example: { shortcut: 'Ctrl+Shift+I', purpose: 'developer_tools' },
    fields: {
      shortcut: 'Modifiers in the order Ctrl, Alt, Shift, Meta, then the key (`I`, `1`, `F12`, `Tab`).',
      purpose:
        'One of `developer_tools`, `view_source`, `print`, `save_page`, `switch_tab`, `new_tab`, `new_window`, `close_tab`, `switch_app`, `navigate`, `screenshot`.',
    },
  },
  capture_warning: {
    option: 'captureWarnings',
    fires:
      'Something in the page or in capture was wrong and was skipped instead of thrown into the page. Each distinct problem is reported once per page load.',
    example: { reason: 'question_id_duplicate', question_id: '1234' },
    fields: {
      reason:
        'One of `question_without_id`, `question_id_not_numeric`, `question_id_duplicate`, `flag_outside_question`, `handler_failed`, `source_stopped`, `unsupported`.',
      source: 'The capture source concerned (`handler_failed`, `source_stopped`, `unsupported`).',
      question_id: 'The offending id (first 64 characters).',
      detail: 'The error name and message (`handler_failed`), or the missing API (`unsupported`).',
    },
    optional: ['source', 'question_id', 'detail'],
  },
  second_tab_opened: {
    option: 'captureSecondTab',
    fires:
      'Another tab or window of the same attempt started the SDK (a duplicated tab, a second window): recorded by the tabs already open, which hear it over a BroadcastChannel.',
    example: { tab_id: 'k3v9x0qa' },
    fields: { tab_id: "The newcomer's random id for this page load." },
  },
  heartbeat: {
    option: 'captureHeartbeat',
    fires:
      "When the attempt starts on a page load, every `heartbeatIntervalMs` (15 s) while it runs, when the page is hidden and shown again, and before `complete()`. It says what should be in the log, so that events stripped, blocked or lost show as missing rather than as a quiet student: its own `seq` says every lower seq of its `tab` was numbered before it, and `sent` counts every type, Canvas's included where we send them (they carry no seq).",
    example: {
      n: 3,
      reason: 'interval',
      sent: { window_blurred: 2, window_focused: 2, page_hidden: 1, page_visible: 1 },
      focused: true,
      visible: true,
      wall_ms: 15004,
      mono_ms: 15003,
      store: 'indexeddb',
    },
    fields: {
      n: "This page load's heartbeat number, from 1.",
      reason: '`start`, `interval`, `hidden`, `visible` or `complete`.',
      sent: 'Cumulative count, by type, of the events this page load queued to send before this heartbeat (heartbeats excluded: `n` counts them).',
      focused:
        "Whether the document had the focus, read through getters of a fresh frame's realm (a page script that overrides `document.hasFocus` cannot fake it).",
      visible: 'Whether the page was visible, read the same way (`visibilityState`).',
      wall_ms: "Wall-clock time since this page load's previous heartbeat; `null` on the first.",
      mono_ms:
        'The same on the monotonic clock (`performance.now`): a difference from `wall_ms` is a clock change.',
      store: '`indexeddb`, or `memory` after the store failed.',
    },
  },
  apis_patched: {
    option: 'captureHeartbeat',
    fires:
      "Once per page load, before its first `heartbeat`, when APIs that capture and delivery rely on are not the browser's own (read with a fresh frame's `Function.prototype.toString`). Information for a reviewer, not a verdict: monitoring tools on real Canvas pages patch `fetch` too; scripts that silence Canvas's logger patch `XMLHttpRequest`, `fetch` or the focus and visibility getters.",
    example: { apis: ['fetch', 'XMLHttpRequest.prototype.send', 'document.hasFocus'] },
    fields: {
      apis: 'Which: `EventTarget.prototype.addEventListener`, `fetch`, `XMLHttpRequest.prototype.open` / `.send`, `navigator.sendBeacon`, `Document.prototype.hasFocus` / `.visibilityState` / `.hidden`, and `document.hasFocus` / `.visibilityState` / `.hidden` for an override on the document object.',
    },
  },
  page_stalled: {
    option: 'captureHeartbeat',
    fires:
      "A visible page's main thread was held 5 s or more: the 2 s sample of the page's state came that much late on the monotonic clock (paused in the debugger, a frozen page). A hidden page's timers are slowed by the browser on purpose, so only a page visible before and after counts. The next `heartbeat` shows the same stall in its `mono_ms`.",
    example: { stalled_ms: 8020 },
    fields: { stalled_ms: 'How much later than asked the sample came.' },
  },
  tamper_suspected: {
    option: 'captureHeartbeat',
    fires:
      "The page's focus or visibility, sampled every 2 s through a fresh frame's getters, has been away for 10 s while the events say present: a script stopped the blur or `visibilitychange` before any listener saw it, or overrode the getters the loggers read. The true departure is recorded with it, marked `sampled` (`window_blurred` / `page_hidden` now, `since_ms` after it began, since a page's timestamps only go forward; then `window_focused` / `page_visible` with its whole length when it ends), so it shows with its duration. The other way round (the events say away while the page is present) is a throttled focus event on its way and is ignored; a page that starts unfocused is the baseline, not an episode. 10 s is longer than the focus throttle (5 s), so a real student never trips it.",
    example: { reason: 'focus_unreported', since_ms: 10014 },
    fields: {
      reason: '`focus_unreported` or `visibility_unreported`.',
      since_ms: 'How long the page had been away, unreported, when this was recorded.',
    },
  },
  storage_degraded: {
    option: null,
    fires:
      "IndexedDB failed (missing, blocked, over quota, connection lost, or an open that hangs) and a reopen did not help: the attempt's events are kept in memory from then on. Or the attempt's database went away under the page: a page script deleted it (`indexedDB.deleteDatabase`, which we let through rather than block unseen) or opened it at another version, and the page wrote back everything it held into a new database and went on; or the browser closed it (site data cleared in devtools, a crashed storage process), and what was pending may be lost with it. Each of these last three once per page load, however often it happens. `seq` goes on either way: the numbering is the page's, not the store's. Sent to Canvas like any event.",
    example: { reason: 'quota_exceeded' },
    fields: {
      reason:
        'In memory from then on: one of `unavailable`, `quota_exceeded`, `connection_lost`, `timeout`, `failed`, or the DOMException name. Still in IndexedDB: `deleted`, `upgraded` or `closed`.',
    },
  },
  events_dropped: {
    option: null,
    fires:
      "The attempt's store overflowed its bounds (`maxStoredEvents`, `maxStoredBytes`) while delivery was impossible, so low-value events were dropped first. One record per 2 s of losses, summed.",
    example: {
      count: 12,
      by_type: { question_viewed: 10, window_resized: 2 },
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- documented as deprecated here
      byType: { question_viewed: 10, window_resized: 2 },
    },
    fields: {
      count: 'How many events were dropped.',
      by_type: 'The same count by event type.',
      byType: 'Deprecated: the same as `by_type`, under its old name; sent until the next release.',
    },
  },
};
