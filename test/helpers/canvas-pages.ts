// Canvas's own HTML pages, served by the emulator on the test page's origin, driven in real tabs:
// what a school's theme file meets (docs/canvas-theme.md).
import { executeServerCommand } from '@web/test-runner-commands';
import { clearFaults, eventually, type Fixture } from './canvas.js';
import { closeAllTabs } from './tabs.js';

async function control(path: string, json: unknown): Promise<void> {
  const response = await fetch(`/__control/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(json),
  });
  if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status} ${await response.text()}`);
}

/**
 * The theme file's URL on another origin than Canvas's (the test server under its other host
 * name), as Canvas serves the Theme Editor upload from its file storage: the settings first, then
 * the built IIFE.
 */
export function themeFileUrl(config?: object): string {
  const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const query = config === undefined ? '' : `?config=${encodeURIComponent(JSON.stringify(config))}`;
  return `${location.protocol}//${other}:${location.port}/test/theme.js${query}`;
}

/** The school's theme file (Canvas's brand config), or none. */
export const useThemeFile = (url: string | null) => control('theme', { url });

/** How often Canvas's emulated logger delivers (Canvas: 15 s). */
export const setCanvasLoggerIntervalMs = (qlaDeliveryMs: number | null) => control('qla', { qlaDeliveryMs });

export interface ProbeCounts {
  listeners: string[];
  databases: string[];
  requests: string[];
}

/** A tab driven like a student's browser. */
export interface PageTab {
  id: number;
  /** Evaluates an expression in the tab; the (awaited) result as JSON. */
  eval<T>(expression: string): Promise<T>;
  click(selector: string, options?: { button?: 'left' | 'right'; navigates?: boolean }): Promise<string>;
  type(selector: string, text: string): Promise<unknown>;
  goto(path: string): Promise<string>;
  console(): Promise<{ type: string; text: string }[]>;
  /** What the SDK's file did on the page (listeners, databases, requests), for a tab opened with `probe`. */
  probe(): Promise<ProbeCounts>;
}

export async function openPage(path: string, { probe = false } = {}): Promise<PageTab> {
  const id = await executeServerCommand<number, object>('tab-open', { path, probe });
  const tab: PageTab = {
    id,
    eval: async <T>(expression: string) =>
      (await executeServerCommand<{ value: T }, object>('tab-eval', { id, expression })).value,
    click: (selector, options = {}) => executeServerCommand('tab-click', { id, selector, ...options }),
    type: (selector, text) => executeServerCommand('tab-type', { id, selector, text }),
    goto: (target) => executeServerCommand('tab-goto', { id, path: target }),
    console: () => executeServerCommand('tab-console', { id }),
    probe: () => tab.eval<ProbeCounts>('window.__sdkProbe'),
  };
  return tab;
}

/** Logs a user in (a cookie session, as a browser logged into Canvas) and opens `path` in a tab. */
export const openPageAs = (userId: string, path: string, options: { probe?: boolean } = {}) =>
  openPage(`/login?as=${userId}&return_to=${encodeURIComponent(path)}`, options);

export const quizPath = (fixture: Fixture) => `/courses/${fixture.courseId}/quizzes/${fixture.quizId}`;

/** The student starts the quiz from Canvas's quiz page, as a student does; the tab is then on the take page. */
export async function takeQuiz(fixture: Fixture, options: { probe?: boolean } = {}): Promise<PageTab> {
  const tab = await openPageAs(fixture.student.id, quizPath(fixture), options);
  await tab.click('#take_quiz_link', { navigates: true });
  return tab;
}

/** The submission id in the take page's events URL. */
export async function submissionIdIn(tab: PageTab): Promise<string> {
  const url = await tab.eval<string>('ENV.QUIZ_SUBMISSION_EVENTS_URL');
  return /\/submissions\/(\d+)\/events$/.exec(url)![1]!;
}

/** Waits until the theme file's proctor on the tab is active. */
export const proctorActive = (tab: PageTab) =>
  eventually(
    async () =>
      (await tab.eval<string | null>('QuizProctor.autoProctor()?.state ?? null')) === 'active'
        ? true
        : undefined,
    "the theme file's proctor to be active",
  );

/** Every events POST the emulator received for a submission, with who sent it. */
export interface EventsPost {
  requestedWith: string | null;
  eventTypes: string[];
  status: number | string | null;
}

export async function eventsPosts(submissionId: string): Promise<EventsPost[]> {
  const response = await fetch(
    `/__control/requests?path=${encodeURIComponent(`/submissions/${submissionId}/events`)}`,
  );
  const { requests } = (await response.json()) as { requests: (EventsPost & { method: string })[] };
  return requests.filter((entry) => entry.method === 'POST');
}

/**
 * The hooks of a suite on Canvas's pages: Canvas's logger delivering every 300 ms, the theme file
 * (the built IIFE from another origin) on every page, no leftover `qla_events` (one key for the
 * whole origin), and every tab and fault gone after each test.
 */
export function onCanvasPages(): void {
  before(async () => {
    await setCanvasLoggerIntervalMs(300);
  });
  beforeEach(async () => {
    await useThemeFile(themeFileUrl());
    localStorage.removeItem('qla_events');
  });
  afterEach(async () => {
    await closeAllTabs();
    await clearFaults();
  });
  after(async () => {
    await useThemeFile(null);
    await setCanvasLoggerIntervalMs(null);
  });
}

export const typesOf = (events: { event_type: string }[]) => events.map((event) => event.event_type);
export const count = (types: string[], type: string) => types.filter((t) => t === type).length;
