import { expect } from '@esm-bundle/chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { EVENT_CATALOG } from '../../docs/event-catalog.js';
import type { CaptureEventType } from '../../src/events/event-data.js';
import { isCanvasType } from '../../src/events/event-traits.js';
import type { CapturedEvent } from '../../src/events/captured-event.js';
import { capture, canvasQuiz, chord, cleanUp, click, until } from './capture-fixtures.js';
import { renderEventDocs } from './render-event-docs.js';

/** Why `event` does not have its catalog entry's shape, or `undefined` when it does. */
function shapeProblem(event: CapturedEvent): string | undefined {
  if (!(event.type in EVENT_CATALOG)) return `${event.type} is not in the catalog`;
  const entry = EVENT_CATALOG[event.type as CaptureEventType];
  const example: unknown = entry.example;
  if (example === undefined) return 'data' in event ? `${event.type} must have no event_data key` : undefined;
  if (Array.isArray(example))
    return Array.isArray(event.data) ? undefined : `${event.type} data must be an array`;
  if (typeof event.data !== 'object' || event.data === null) return `${event.type} data must be an object`;
  const data = event.data as Record<string, unknown>;
  const expected = example as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!(key in expected)) return `${event.type} has an undocumented key ${key}`;
    if (data[key] !== null && typeof data[key] !== typeof expected[key])
      return `${event.type}.${key} has the wrong type`;
  }
  for (const key of Object.keys(expected)) {
    if (!(key in data) && !entry.optional?.includes(key)) return `${event.type} lacks ${key}`;
  }
  return undefined;
}

describe('the event catalog', () => {
  afterEach(cleanUp);

  it('docs/events.md is what the catalog renders (regenerate: node test/capture/write-event-docs.mjs)', async () => {
    const response = await fetch('/docs/events.md');
    expect(response.ok, 'docs/events.md is served').to.equal(true);
    const onDisk = await response.text();
    const rendered = renderEventDocs();
    if (onDisk !== rendered) {
      const onDiskLines = onDisk.split('\n');
      const line = rendered.split('\n').findIndex((text, index) => text !== onDiskLines[index]);
      expect.fail(
        `docs/events.md differs from the catalog at line ${line + 1}: run node test/capture/write-event-docs.mjs`,
      );
    }
  });

  it("marks exactly Canvas's six quiz log types as Canvas's", () => {
    const canvas = Object.keys(EVENT_CATALOG).filter(isCanvasType);
    expect(canvas).to.have.members([
      'session_started',
      'page_blurred',
      'page_focused',
      'question_viewed',
      'question_flagged',
      'question_answered',
    ]);
  });

  it('names our types in snake_case, a noun then what happened', () => {
    // `heartbeat` is a record of the log itself, not a happening, and the integrity issue names it so.
    const NAMED_BY_THE_DESIGN = new Set(['heartbeat']);
    for (const type of Object.keys(EVENT_CATALOG))
      if (!NAMED_BY_THE_DESIGN.has(type)) expect(type).to.match(/^[a-z]+(_[a-z]+)+$/);
  });

  it('describes what every source really emits, key by key', async () => {
    canvasQuiz([
      { id: '101', answers: '<input type="text" name="question_{id}">' },
      { id: '102', answers: '<input type="radio" name="question_{id}" value="1">' },
    ]);
    const capturing = capture({
      captureAnswers: true,
      questionViewThrottleMs: 0,
      answerDebounceMs: 50,
      resizeDebounceMs: 50,
    });
    await executeServerCommand('page-focus', { away: true });
    await executeServerCommand('page-focus', { away: false });
    await click(document.querySelector('#question_101 .flag_question')!);
    document.querySelector<HTMLInputElement>('input[name=question_101]')!.focus();
    await sendKeys({ type: 'abc' });
    await chord(['Control'], 'KeyA');
    await chord(['Control'], 'KeyC');
    await chord(['Control'], 'KeyV');
    await chord(['Control', 'Shift'], 'KeyI');
    await click(document.querySelector('#question_102 .question_text')!, 'right');
    await click(document.querySelector('input[name=question_102]')!);
    window.print();
    await until(
      () =>
        ['question_answered', 'print_requested', 'page_visible'].every(
          (type) => capturing.ofType(type).length > 0,
        ),
      'events from every kind of source',
      capturing.clock,
    );
    capturing.subscription.unsubscribe();
    const types = new Set(capturing.events.map((event) => event.type));
    expect([...types]).to.include.members([
      'session_started',
      'page_blurred',
      'page_focused',
      'page_hidden',
      'page_visible',
      'question_viewed',
      'question_flagged',
      'question_answered',
      'text_copied',
      'text_pasted',
      'shortcut_pressed',
      'context_menu_opened',
      'print_requested',
      'screen_changed',
    ]);
    expect(capturing.events.map(shapeProblem).filter(Boolean)).to.deep.equal([]);
  });
});
