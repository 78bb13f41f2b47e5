import { expect } from '@esm-bundle/chai';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import {
  capture,
  canvasQuiz,
  chord,
  cleanUp,
  click,
  countEvents,
  mount,
  only,
  until,
} from './capture-fixtures.js';

// Past every timing rule of capture: whatever was to come late has come.
const LONG_AFTER_MS = 60_000;

const textInput = (id: string) => `<input type="text" name="question_${id}" class="question_input">`;

describe('text_copied / text_cut / text_pasted', () => {
  afterEach(cleanUp);

  it('records copy, paste and cut by keyboard with the question and the length, never the text', async () => {
    canvasQuiz([
      { id: '101', answers: textInput('{id}') },
      { id: '102', answers: textInput('{id}') },
    ]);
    const capturing = capture(only('captureClipboard'));
    const [first, second] = document.querySelectorAll<HTMLInputElement>('.question_input');
    first!.focus();
    await sendKeys({ type: 'mitochondria' });
    await chord(['Control'], 'KeyA');
    await chord(['Control'], 'KeyC');
    second!.focus();
    await chord(['Control'], 'KeyV');
    await chord(['Control'], 'KeyA');
    await chord(['Control'], 'KeyX');
    await until(() => capturing.events.length === 3, 'three clipboard events');
    capturing.subscription.unsubscribe();
    expect(capturing.events.map(({ type, data }) => ({ type, data }))).to.deep.equal([
      { type: 'text_copied', data: { question_id: '101', text_length: 12 } },
      { type: 'text_pasted', data: { question_id: '102', text_length: 12 } },
      { type: 'text_cut', data: { question_id: '102', text_length: 12 } },
    ]);
    expect(JSON.stringify(capturing.events)).to.not.contain('mitochondria');
  });

  it('records a copy of question text selected in the page, and null outside any question', async () => {
    canvasQuiz([{ id: '101' }]);
    const outside = mount(document.createElement('p'));
    outside.textContent = 'Course navigation';
    const capturing = capture(only('captureClipboard'));
    const select = (element: Element) => {
      window.getSelection()!.selectAllChildren(element);
    };
    select(document.querySelector('#question_101 .question_text')!);
    await chord(['Control'], 'KeyC');
    select(outside);
    await chord(['Control'], 'KeyC');
    await until(() => capturing.events.length === 2, 'two copies');
    capturing.subscription.unsubscribe();
    window.getSelection()!.removeAllRanges();
    expect(capturing.events.map((event) => event.data)).to.deep.equal([
      { question_id: '101', text_length: 'Question 101 text to copy'.length },
      { question_id: null, text_length: 'Course navigation'.length },
    ]);
  });
});

describe('context_menu_opened', () => {
  afterEach(cleanUp);

  it('records a right click with the question it happened in', async () => {
    canvasQuiz([{ id: '101' }, { id: '102' }]);
    const capturing = capture(only('captureContextMenu'));
    await click(document.querySelector('#question_102 .question_text')!, 'right');
    await until(() => capturing.events.length === 1, 'context_menu_opened');
    capturing.subscription.unsubscribe();
    expect(capturing.events[0]).to.include({ type: 'context_menu_opened' });
    expect(capturing.events[0]!.data).to.deep.equal({ question_id: '102' });
  });
});

describe('fullscreen_entered / fullscreen_exited', () => {
  afterEach(cleanUp);

  it('records fullscreen the page asked for, and how long it lasted', async () => {
    const button = mount(document.createElement('button'));
    button.textContent = 'Start the quiz fullscreen';
    button.addEventListener('click', () => void document.documentElement.requestFullscreen());
    const capturing = capture(only('captureFullscreen'));
    await click(button);
    await until(() => capturing.events.length === 1, 'fullscreen_entered');
    expect(document.fullscreenElement).to.equal(document.documentElement);
    capturing.clock.advanceBy(100);
    await document.exitFullscreen();
    await until(() => capturing.events.length === 2, 'fullscreen_exited');
    capturing.subscription.unsubscribe();
    const [entered, exited] = capturing.events;
    expect(entered).to.deep.include({ type: 'fullscreen_entered', data: {} });
    expect(exited!.type).to.equal('fullscreen_exited');
    expect((exited!.data as { fullscreen_ms: number }).fullscreen_ms).to.equal(100);
    expect(exited!.capturedAt - entered!.capturedAt).to.equal(100);
  });
});

describe('print_requested', () => {
  it('records window.print()', async () => {
    const capturing = capture(only('capturePrint'));
    window.print();
    await until(() => capturing.events.length === 1, 'print_requested');
    capturing.subscription.unsubscribe();
    expect(capturing.events[0]).to.deep.include({ type: 'print_requested', data: {} });
  });
});

describe('network_disconnected / network_reconnected', () => {
  it('records going offline and back, with how long it was offline', async () => {
    const capturing = capture(only('captureNetwork'));
    try {
      await executeServerCommand('network', { offline: true, urlPattern: '*://nowhere.invalid/*' });
      await until(() => capturing.events.length === 1, 'network_disconnected');
      capturing.clock.advanceBy(100);
    } finally {
      await executeServerCommand('network', {});
    }
    await until(() => capturing.events.length === 2, 'network_reconnected');
    capturing.subscription.unsubscribe();
    const [lost, back] = capturing.events;
    expect(lost).to.deep.include({ type: 'network_disconnected', data: {} });
    expect(back!.type).to.equal('network_reconnected');
    expect((back!.data as { offline_ms: number }).offline_ms).to.equal(100);
    expect(back!.capturedAt - lost!.capturedAt).to.equal(100);
  });
});

describe('shortcut_pressed', () => {
  afterEach(cleanUp);

  it('records shortcuts used to leave or inspect the page by combination, and nothing of ordinary typing', async () => {
    const input = mount(document.createElement('input'));
    input.focus();
    const capturing = capture(only('captureShortcuts'));
    await sendKeys({ type: 'secret answer' });
    await sendKeys({ press: 'F12' });
    await chord(['Control', 'Shift'], 'KeyI');
    await chord(['Control'], 'KeyU');
    await chord(['Control'], 'KeyP');
    await chord(['Control'], 'Tab');
    await chord(['Control'], 'Digit2');
    await chord(['Alt'], 'ArrowLeft');
    await chord(['Control'], 'KeyB'); // bold: not a way out of the page
    // Auto-repeat of a held key is one press.
    const f12Ups = countEvents('keyup', document, (event) => (event as KeyboardEvent).code === 'F12');
    await sendKeys({ down: 'F12' });
    await sendKeys({ down: 'F12' });
    await sendKeys({ up: 'F12' });
    await until(() => f12Ups() === 1, 'F12 released');
    capturing.clock.advanceBy(LONG_AFTER_MS);
    capturing.subscription.unsubscribe();
    expect(capturing.events.map((event) => event.data)).to.deep.equal([
      { shortcut: 'F12', purpose: 'developer_tools' },
      { shortcut: 'Ctrl+Shift+I', purpose: 'developer_tools' },
      { shortcut: 'Ctrl+U', purpose: 'view_source' },
      { shortcut: 'Ctrl+P', purpose: 'print' },
      { shortcut: 'Ctrl+Tab', purpose: 'switch_tab' },
      { shortcut: 'Ctrl+2', purpose: 'switch_tab' },
      { shortcut: 'Alt+ArrowLeft', purpose: 'navigate' },
      { shortcut: 'F12', purpose: 'developer_tools' },
    ]);
    expect(JSON.stringify(capturing.events)).to.not.contain('secret');
  });
});
