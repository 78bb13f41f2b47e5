import { expect } from '@esm-bundle/chai';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  canvasQuiz,
  capture,
  cleanUp,
  click,
  intersectionsDelivered,
  only,
  until,
} from './capture-fixtures.js';

const away = (state: boolean) => executeServerCommand('page-focus', { away: state });

// On a Canvas take page Canvas's own logger sends its types: ours would show each moment twice.
describe("capture where Canvas's logger sends Canvas's types", () => {
  afterEach(cleanUp);

  it('records focus under our own names, with the time away, and none of Canvas types', async () => {
    canvasQuiz([{ id: '101' }, { id: '102' }]);
    const capturing = capture(
      only(
        'captureSessionStart',
        'captureFocus',
        'captureQuestionViews',
        'captureQuestionFlags',
        'captureAnswers',
        'captureWarnings',
      ),
      { withoutCanvasTypes: true },
    );
    await intersectionsDelivered();
    await click(document.querySelector('#question_101 .flag_question')!);
    await away(true);
    await until(() => capturing.events.length === 1, 'window_blurred', capturing.clock);
    capturing.clock.advanceBy(7000);
    await away(false);
    await until(() => capturing.events.length === 2, 'window_focused', capturing.clock);
    capturing.clock.advanceBy(60_000);
    capturing.subscription.unsubscribe();
    expect(capturing.events.map(({ type, data }) => ({ type, data }))).to.deep.equal([
      { type: 'window_blurred', data: {} },
      { type: 'window_focused', data: { away_ms: 7000 } },
    ]);
  });
});
