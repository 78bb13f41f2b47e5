import { expect } from '@esm-bundle/chai';
import type { CapturedEvent } from '../../src/events/captured-event.js';
import { createNumbering } from '../../src/store/number-events.js';

const at = (capturedAt: number, type = 'custom_marker'): CapturedEvent => ({ type, capturedAt });

describe('a tab numbering its events', () => {
  it('numbers from 1 without gaps across bursts, an empty burst taking no number', () => {
    const tab = createNumbering('ab12');
    const seqs = [
      tab.number([at(1), at(2), at(3)]),
      tab.number([]),
      tab.number([at(4)]),
      tab.number([at(5), at(6)]),
    ].map((burst) => burst.map((e) => e.seq));
    expect(seqs).to.deep.equal([[1, 2, 3], [], [4], [5, 6]]);
  });

  it('keeps client timestamps strictly increasing: a tie or a clock going back is bumped by 1 ms', () => {
    const tab = createNumbering('ab12');
    const first = tab.number([at(1000), at(1000), at(1000), at(999)]);
    expect(first.map((e) => e.at)).to.deep.equal([1000, 1001, 1002, 1003]);
    // Across bursts too: the next burst starts after the last timestamp given, not the last captured.
    expect(tab.number([at(1001), at(1003)]).map((e) => e.at)).to.deep.equal([1004, 1005]);
    // A later capture keeps its own time; so does one that arrives after a gap.
    expect(tab.number([at(1006), at(5000), at(5000)]).map((e) => e.at)).to.deep.equal([1006, 5000, 5001]);
  });

  it('puts its tab id on every event, and keeps the type and the data as captured', () => {
    const tab = createNumbering('x9z');
    const data = { i: 1, nested: { ok: true } };
    const [withData, without] = tab.number([
      { type: 'text_pasted', data, capturedAt: 10 },
      { type: 'page_blurred', capturedAt: 11 },
    ]);
    expect(withData).to.deep.include({ tab: 'x9z', seq: 1, type: 'text_pasted', at: 10, data });
    expect(without).to.deep.include({ tab: 'x9z', seq: 2, type: 'page_blurred', at: 11 });
    // No data stays no data: Canvas stores NULL for its own types sent without event_data.
    expect(without).to.not.have.property('data');
    expect(withData!.bytes).to.be.greaterThan(without!.bytes);
  });

  it('numbers each tab on its own: nothing shared, nothing ever renumbered', () => {
    const a = createNumbering('a');
    const b = createNumbering('b');
    const fromA = a.number([at(100), at(100)]);
    const fromB = b.number([at(100), at(50)]);
    const moreA = a.number([at(100)]);
    expect([...fromA, ...fromB, ...moreA].map((e) => [e.tab, e.seq, e.at])).to.deep.equal([
      ['a', 1, 100],
      ['a', 2, 101],
      ['b', 1, 100],
      ['b', 2, 101],
      ['a', 3, 102],
    ]);
    expect(a.tab).to.equal('a');
  });
});
