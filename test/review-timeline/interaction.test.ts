// mountTimeline's interaction: the keyboard between marks and the event it shows, pointing, the
// events filter, hostile text, destroy, and one printed A4 page.
import { expect } from '@esm-bundle/chai';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { inFirefox } from '../helpers/engine.js';
import { fixture, mount, unmount } from './timeline-fixtures.js';

const focused = () => document.activeElement;
const rowsShown = (host: HTMLElement) => [...host.querySelectorAll('.qp-chunk > .qp-row')];

describe('the mounted timeline', () => {
  afterEach(unmount);

  it('moves between marks with the arrow keys (one tab stop) and shows the focused event', async () => {
    const host = mount(await fixture('clean-attempt'));
    const stops = host.querySelectorAll('.qp-item[tabindex="0"]');
    expect(stops.length).to.equal(1);
    const details = host.querySelector('.qp-details');
    expect(details?.getAttribute('aria-live')).to.equal('polite');
    // The clean attempt has no finding: the first stop is the focus lane's first item, a blur.
    const focusLane = [...host.querySelectorAll('[data-lane="focus"] .qp-item')];
    expect(stops[0]).to.equal(focusLane[0]);
    (stops[0] as SVGElement).focus();
    expect(details?.textContent).to.include('Left the window').and.include('window_blurred');
    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(focusLane[1]);
    expect(details?.textContent).to.include('Away 13 s').and.include('"away_ms":12510');
    expect(focusLane[1]?.getAttribute('tabindex')).to.equal('0');
    expect(host.querySelectorAll('.qp-item[tabindex="0"]').length).to.equal(1);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(focusLane[focusLane.length - 1]);
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()?.closest('[data-lane]')?.getAttribute('data-lane')).to.equal('visibility');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    expect(focused()?.closest('[data-lane]')?.getAttribute('data-lane')).to.equal('fullscreen');
    expect(details?.textContent).to.include('fullscreen');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowUp' });
    expect(focused()?.closest('[data-lane]')?.getAttribute('data-lane')).to.equal('network');
  });

  it('shows every event a merged mark stands for, and a pointed-at mark', async () => {
    const host = mount(await fixture('tamper-suspected'));
    const badge = host.querySelector('.qp-badge');
    badge?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(host.querySelector('.qp-details')?.textContent).to.include('Alert tamper_suspected at 5:11');
    const pasted = host.querySelector('.qp-mark-pasted');
    pasted?.dispatchEvent(new Event('pointerover', { bubbles: true }));
    expect(host.querySelector('.qp-details')?.textContent)
      .to.include('text_pasted')
      .and.include('"text_length":880');
  });

  it('filters the events by type, and shows them all again', async () => {
    const input = await fixture('clean-attempt');
    const host = mount(input);
    expect(rowsShown(host).length).to.equal(input.events.length - 2); // less the two copies removed
    const select = host.querySelector<HTMLSelectElement>('select.qp-filter');
    expect(select?.closest('[hidden]')).to.equal(null);
    if (!select) throw new Error('no filter');
    select.value = 'window_focused';
    select.dispatchEvent(new Event('change'));
    const rows = rowsShown(host);
    expect(rows.map((row) => row.getAttribute('data-type'))).to.deep.equal([
      'window_focused',
      'window_focused',
      'window_focused',
    ]);
    select.value = '';
    select.dispatchEvent(new Event('change'));
    expect(rowsShown(host).length).to.equal(input.events.length - 2);
  });

  it('shows hostile event text as text', async () => {
    const { submission } = await fixture('clean-attempt');
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    const host = mount({
      submission: { ...submission, id: hostile },
      events: [
        {
          id: '1',
          event_type: hostile,
          event_data: { tab: hostile, seq: 1, note: hostile },
          created_at: '2030-01-15T10:01:00Z',
        },
        { id: '2', event_type: 'question_viewed', event_data: [hostile], created_at: '2030-01-15T10:02:00Z' },
      ],
    });
    expect(host.querySelectorAll('script, img').length).to.equal(0);
    expect(host.querySelector('h2')?.textContent).to.include(hostile);
    expect(host.querySelector('.qp-row:not(.qp-head)')?.textContent).to.include(hostile);
    expect(host.querySelector('select.qp-filter')?.textContent).to.include(hostile);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('leaves nothing behind after destroy', async () => {
    const input = await fixture('clean-attempt');
    const host = document.createElement('div');
    document.body.append(host);
    const { mountTimeline } = await import('../../src/review/index.js');
    const sheets = document.adoptedStyleSheets.length;
    const view = mountTimeline(host, input);
    const other = mountTimeline(host.appendChild(document.createElement('div')), input);
    expect(document.adoptedStyleSheets.length, 'one sheet for both views').to.equal(sheets + 1);
    other.destroy();
    expect(document.adoptedStyleSheets.length, 'kept for the view left').to.equal(sheets + 1);
    const item = host.querySelector('.qp-item');
    const details = host.querySelector('.qp-details');
    const before = details?.textContent;
    view.destroy();
    expect(host.childNodes.length).to.equal(0);
    expect(document.adoptedStyleSheets.length, 'gone with the last view').to.equal(sheets);
    // Its listeners went with it: a focus on a node of the old view shows nothing.
    item?.dispatchEvent(new Event('focusin', { bubbles: true }));
    expect(details?.textContent).to.equal(before);
    host.remove();
  });

  it('prints on one A4 page, without the events list', async function () {
    // puppeteer's media emulation is CDP's; over Firefox's BiDi it is not there.
    if (await inFirefox()) this.skip();
    // An A4 page less 10 mm margins, at 96 px to the inch: 190 × 277 mm.
    const host = mount(await fixture('clean-attempt'), 718);
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle(host.querySelector('.qp-events') as Element).display).to.equal('none');
      expect(host.getBoundingClientRect().height).to.be.below(1047);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    // The styles come as a sheet the document adopted (no inline style: a page's CSP may refuse it).
    expect(host.querySelector('style')).to.equal(null);
    const css = document.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
      .join('\n');
    expect(css).to.include('@page').and.include('forced-colors: active');
  });
});
