// The recorded attempts the timeline tests draw (test/review/fixtures/), and the view's mounting.
import type { AnalyzeAttemptInput } from '../../src/review/index.js';
import { mountTimeline, type MountedTimeline } from '../../src/review/index.js';

/** A clean attempt, and one of each finding, by the code it raises. */
export const FIXTURES = {
  clean: 'clean-attempt',
  events_missing: 'seq-holes',
  second_tab: 'second-tab',
  storage_reset: 'storage-degraded',
  tamper_suspected: 'tamper-suspected',
  heartbeat_gap: 'heartbeat-gap',
  clock_jump: 'clock-jump',
} as const;

/** A fixture's `{ events, submission }`, as the test server serves the file. */
export async function fixture(name: string): Promise<AnalyzeAttemptInput> {
  const response = await fetch(`/test/review/fixtures/${name}.json`);
  const { events, submission } = (await response.json()) as AnalyzeAttemptInput;
  return { events, submission };
}

let mounted: { host: HTMLElement; view: MountedTimeline } | undefined;

/** Mounts the view in a page-wide host (1100 px, as a reviewer's window); `unmount` after each test. */
export function mount(input: AnalyzeAttemptInput, width = 1100): HTMLElement {
  unmount();
  const host = document.createElement('div');
  host.style.width = `${String(width)}px`;
  document.body.append(host);
  mounted = { host, view: mountTimeline(host, input) };
  return host;
}

export function unmount(): void {
  mounted?.view.destroy();
  mounted?.host.remove();
  mounted = undefined;
}

/** The axis of a mounted view: where a moment falls, in viewBox units, as the renderer computes it. */
export function axisOf(host: HTMLElement) {
  const svg = host.querySelector('svg.qp-timeline');
  if (!svg) throw new Error('no timeline');
  const read = (name: string) => Number(svg.getAttribute(`data-${name}`));
  const [startMs, endMs, plotX, plotWidth] = [
    read('start-ms'),
    read('end-ms'),
    read('plot-x'),
    read('plot-width'),
  ];
  return {
    svg,
    startMs,
    endMs,
    plotWidth,
    x: (ms: number) => plotX + ((ms - startMs) * plotWidth) / (endMs - startMs),
    width: (durationMs: number) => (durationMs * plotWidth) / (endMs - startMs),
  };
}
