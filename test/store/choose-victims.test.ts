import { expect } from '@esm-bundle/chai';
import type { StoredEvent } from '../../src/events/stored-event.js';
import { chooseVictims } from '../../src/store/choose-victims.js';

// Overflow priorities, from the traits table (docs/events.md): question_viewed, window_resized and
// screen_changed are 0; page_focused and a host app's own type 1; page_blurred, text_pasted and
// page_hidden 2; storage_degraded and events_dropped are loss records.

let seq = 0;
/** A stored event as written by tab "t", `bytes` as given (the bounds only read that). */
const ev = (type: string, at: number, bytes = 100): StoredEvent => ({
  tab: 't',
  seq: (seq += 1),
  type,
  at,
  bytes,
});
const typesAt = (events: StoredEvent[]) => events.map((e) => `${e.type}@${String(e.at)}`);

describe('choosing what an overflowing store drops', () => {
  it('drops nothing while the store fits both bounds (at them exactly too)', () => {
    const events = [ev('window_resized', 1), ev('page_blurred', 2)];
    expect(chooseVictims(events, { maxEvents: 2, maxBytes: 200 })).to.deep.equal({
      victims: [],
      dropped: {},
    });
  });

  it('drops the lowest priority first, the oldest first within a priority', () => {
    const events = [
      ev('page_blurred', 1),
      ev('page_focused', 2),
      ev('screen_changed', 3),
      ev('custom_marker', 4),
      ev('question_viewed', 5),
      ev('text_pasted', 6),
      ev('window_resized', 7),
      ev('page_focused', 8),
    ];
    // Eight events, room for two: the six of priority 0 and 1 go, oldest first within each.
    const { victims, dropped } = chooseVictims(events, { maxEvents: 2, maxBytes: 1e9 });
    expect(typesAt(victims)).to.deep.equal([
      'screen_changed@3',
      'question_viewed@5',
      'window_resized@7',
      'page_focused@2',
      'custom_marker@4',
      'page_focused@8',
    ]);
    expect(dropped).to.deep.equal({
      screen_changed: 1,
      question_viewed: 1,
      window_resized: 1,
      page_focused: 2,
      custom_marker: 1,
    });
    // The input is left as it was (the store still holds it in its own order).
    expect(events.map((e) => e.at)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('drops only as many as it takes to fit the count', () => {
    const events = [ev('window_resized', 3), ev('window_resized', 1), ev('page_hidden', 2)];
    const { victims } = chooseVictims(events, { maxEvents: 2, maxBytes: 1e9 });
    expect(typesAt(victims)).to.deep.equal(['window_resized@1']);
  });

  it('drops until the bytes fit, when the count does', () => {
    const events = [
      ev('question_viewed', 1, 10),
      ev('question_viewed', 2, 500),
      ev('page_focused', 3, 300),
      ev('page_blurred', 4, 100),
    ];
    // 910 bytes, 400 allowed: both priority-0 events (510) bring it to 400.
    const { victims, dropped } = chooseVictims(events, { maxEvents: 100, maxBytes: 400 });
    expect(typesAt(victims)).to.deep.equal(['question_viewed@1', 'question_viewed@2']);
    expect(dropped).to.deep.equal({ question_viewed: 2 });
    // One byte less room, and the next in line goes too.
    expect(typesAt(chooseVictims(events, { maxEvents: 100, maxBytes: 399 }).victims)).to.deep.equal([
      'question_viewed@1',
      'question_viewed@2',
      'page_focused@3',
    ]);
  });

  it('never drops a loss record, even when it is all that is left to drop', () => {
    const events = [
      ev('events_dropped', 1, 1000),
      ev('page_blurred', 2),
      ev('storage_degraded', 3, 1000),
      ev('text_pasted', 4),
    ];
    const { victims } = chooseVictims(events, { maxEvents: 0, maxBytes: 0 });
    expect(typesAt(victims)).to.deep.equal(['page_blurred@2', 'text_pasted@4']);
  });

  it('does not count loss records against the bounds', () => {
    const events = [
      ev('window_resized', 1),
      ev('events_dropped', 2, 5000),
      ev('window_resized', 3),
      ev('storage_degraded', 4, 5000),
    ];
    // Four events and 10 200 bytes, but only two of them and 200 bytes count: it fits.
    expect(chooseVictims(events, { maxEvents: 2, maxBytes: 200 }).victims).to.deep.equal([]);
    // Room for one: the oldest resize goes, the loss records stay.
    expect(typesAt(chooseVictims(events, { maxEvents: 1, maxBytes: 200 }).victims)).to.deep.equal([
      'window_resized@1',
    ]);
  });
});
