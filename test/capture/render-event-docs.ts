// Renders docs/events.md from the event catalog. `node test/capture/write-event-docs.mjs` writes it;
// event-docs.test.ts fails when the file and the catalog differ.
import { EVENT_CATALOG } from '../../docs/event-catalog.js';
import { EVENT_TRAITS } from '../../src/events/event-traits.js';
import type { CaptureEventType } from '../../src/events/event-data.js';
import { CAPTURE_DEFAULTS } from '../../src/capture/resolve-capture-options.js';

const code = (text: string) => `\`${text}\``;
const cell = (text: string) => text.replaceAll('|', '\\|');

function shape(example: unknown): string {
  return example === undefined ? 'none (key omitted)' : code(JSON.stringify(example));
}

function section(type: CaptureEventType): string {
  const entry = EVENT_CATALOG[type];
  const { option } = entry;
  const { origin } = EVENT_TRAITS[type];
  const byDefault = option === null ? true : CAPTURE_DEFAULTS[option];
  const lines = [`### ${code(type)}`, ''];
  lines.push(
    origin === 'canvas'
      ? "Canvas's own type, sent in exactly the shape Canvas's quiz page sends (its log viewer parses it); no `seq` is added."
      : 'Our type. On the wire the pipeline adds `seq` and `tab` (see above) to its `event_data`.',
    '',
    `**When:** ${entry.fires}`,
    '',
  );
  if (entry.example === undefined) {
    lines.push('**`event_data`:** none: the key is omitted from the JSON, as Canvas does.', '');
  } else {
    lines.push('**`event_data`**, for example:', '', '```json', JSON.stringify(entry.example), '```', '');
    const fields = Object.entries(entry.fields);
    if (fields.length > 0) {
      lines.push('| Field | Meaning |', '| --- | --- |');
      for (const [field, meaning] of fields) {
        const optional = entry.optional?.includes(field) ? ' Optional.' : '';
        lines.push(`| ${code(field)} | ${cell(meaning)}${optional} |`);
      }
      lines.push('');
    }
  }
  lines.push(
    option === null
      ? '**Always on:** a record of the SDK losing or degrading evidence cannot be turned off.'
      : byDefault
        ? `**Turned off by:** ${code(`${option}: false`)} (on by default).`
        : `**Off by default;** turned on by ${code(`${option}: true`)}.`,
    '',
  );
  return lines.join('\n');
}

export function renderEventDocs(): string {
  const types = Object.keys(EVENT_CATALOG) as CaptureEventType[];
  const canvas = types.filter((type) => EVENT_TRAITS[type].origin === 'canvas');
  const ours = types.filter((type) => EVENT_TRAITS[type].origin === 'quiz-proctor');
  const timing = Object.entries(CAPTURE_DEFAULTS).filter(([name]) => name.endsWith('Ms'));
  return [
    '# Event catalog',
    '',
    '<!-- Generated from docs/event-catalog.ts and src/events/event-traits.ts by `node test/capture/write-event-docs.mjs`.',
    '     test/capture/event-docs.test.ts fails when this file and the catalog differ: edit the catalog. -->',
    '',
    'Every event the capture layer (`createCapture`, src/capture) records on a quiz page. Each becomes one',
    'element of Canvas\'s `quiz_submission_events` array: `{"event_type", "event_data", "client_timestamp"}`.',
    "`client_timestamp` is the capture time from the injected scheduler's clock (`scheduler.now()`), made",
    'strictly increasing within the page that captured it (ties bumped by 1 ms).',
    '',
    "Canvas's own types keep Canvas's exact `event_data` shapes, because Canvas's quiz log viewer parses them.",
    'Our types are snake_case, a noun then what happened to it, and their `event_data` is always an object,',
    'to which the pipeline adds `tab`, the id of the page load that captured it (a few base-36 characters,',
    'new on every load), and `seq`, its number within that page load (from 1, gap-free). Each page numbers',
    'its own events, so an event keeps the identity it got at capture all the way to Canvas: `(tab, seq)`',
    'names one of our events, and copies of an ambiguous send are exact copies.',
    '',
    '## Summary',
    '',
    '| `event_type` | Origin | `event_data` | Switch |',
    '| --- | --- | --- | --- |',
    ...types.map((type) => {
      const entry = EVENT_CATALOG[type];
      const { option } = entry;
      const origin = EVENT_TRAITS[type].origin === 'canvas' ? 'Canvas' : 'quiz-proctor';
      const switchText =
        option === null ? 'always on' : `${code(option)} (default ${String(CAPTURE_DEFAULTS[option])})`;
      return `| ${code(type)} | ${origin} | ${cell(shape(entry.example))} | ${switchText} |`;
    }),
    '',
    "## Canvas's event types",
    '',
    ...canvas.map(section),
    "## quiz-proctor's event types",
    '',
    ...ours.map(section),
    '## The page contract',
    '',
    `Canvas's classic take-quiz markup works with no configuration: questions are ${code(CAPTURE_DEFAULTS.questionSelector)}`,
    'with an element id `question_<id>`, flag controls are `.flag_question` and the page toggles `marked` on the',
    'question, answer inputs are named `question_<id>…`. Any other quiz UI works by putting',
    '`data-quiz-question-id="<id>"` on question elements, `data-quiz-flag` on flag controls and',
    '`data-quiz-flagged="true|false"` on the question (and, for named blanks, `data-quiz-blank` on their',
    'inputs), or by passing `questionSelector`, `questionId`, `flagSelector`, `isFlagged` and `readAnswer`.',
    'Question ids must be whole numbers, as Canvas quiz question ids are. Questions added or replaced later',
    'are picked up through one MutationObserver. Garbage (a question without an id, a non-numeric id, a',
    'duplicate id, a flag outside any question) is skipped and reported once as `capture_warning`.',
    '',
    '## What a page cannot see',
    '',
    'Capture runs inside the quiz page, so it sees only what the browser tells a page:',
    '',
    '- Shortcuts the browser or the operating system handles itself (Alt+Tab, Ctrl+T in most browsers, the',
    '  Windows key) usually never reach the page; `shortcut_pressed` records the ones that do. Switching away',
    '  still shows as `page_blurred` and, for another tab, `page_hidden`.',
    '- Browser fullscreen (F11) and leaving it fire nothing; only fullscreen the page asked for is recorded.',
    '- A second device, a phone, or a person next to the student leave no trace.',
    '- Inside a cross-origin iframe nothing is seen (no keys, clipboard or answers); focus moving into any',
    "  iframe of the page is not counted as leaving. For a same-origin iframe (Canvas's rich content editor)",
    '  focus leaving it for another window is counted; its keys and clipboard are not seen.',
    "- A change of pixel ratio alone, with no resize, fires nothing in some browsers (and in Chromium's",
    '  emulation); zoom and moving to another monitor normally resize the viewport too.',
    '',
    '## What is remembered per attempt',
    '',
    'Capture keeps two things for the whole attempt, across reloads and one-question-at-a-time pages, in the',
    "`CaptureMemory` the proctor backs with the attempt's store: the key `session_started`, and one key",
    '`question_viewed:<id>` per question viewed.',
    '',
    '## Timing options',
    '',
    '| Option | Default |',
    '| --- | --- |',
    ...timing.map(([name, value]) => `| ${code(name)} | ${String(value)} |`),
    '',
  ].join('\n');
}
