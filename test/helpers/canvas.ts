// Test-side access to the Canvas-compatible server mounted on the test page's origin.

export interface Fixture {
  courseId: string;
  quizId: string;
  student: { id: string; token: string };
  student2: { id: string; token: string };
  teacher: { id: string; token: string };
  observer: { id: string; token: string };
}

export interface ServerEvent {
  id: string;
  event_type: string;
  event_data?: unknown;
  created_at: string;
  client_timestamp?: string;
  attempt?: number;
}

async function control<T>(path: string, init: { method?: string; json?: unknown } = {}): Promise<T> {
  const response = await fetch(`/__control/${path}`, {
    method: init.method ?? (init.json === undefined ? 'GET' : 'POST'),
    headers: { 'Content-Type': 'application/json' },
    body: init.json === undefined ? null : JSON.stringify(init.json),
  });
  if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status} ${await response.text()}`);
  const text = await response.text();
  return (text === '' ? undefined : JSON.parse(text)) as T;
}

/** A fresh course, quiz, students and teacher, so each test owns its data. */
export function createFixture(options: Record<string, unknown> = {}): Promise<Fixture> {
  return control<Record<string, unknown>>('fixtures', { json: options }).then(normalizeFixture);
}

function normalizeFixture(raw: Record<string, unknown>): Fixture {
  const user = (value: unknown) => {
    const u = value as { id: string | number; token: string };
    return { id: String(u.id), token: u.token };
  };
  return {
    courseId: String(raw.courseId),
    quizId: String(raw.quizId),
    student: user(raw.student),
    student2: user(raw.student2),
    teacher: user(raw.teacher),
    observer: user(raw.observer),
  };
}

/** Every event the server stored for a submission, read as the teacher through the real API. */
export async function serverEvents(
  fixture: Fixture,
  submissionId: string,
  { withClientTimestamp = false, attempt }: { withClientTimestamp?: boolean; attempt?: number } = {},
): Promise<ServerEvent[]> {
  const query = new URLSearchParams({ per_page: '100' });
  if (withClientTimestamp) query.set('include_client_timestamp', 'true');
  if (attempt !== undefined) query.set('attempt', String(attempt));
  let url: string | undefined =
    `/api/v1/courses/${fixture.courseId}/quizzes/${fixture.quizId}/submissions/${submissionId}/events?${query}`;
  const events: ServerEvent[] = [];
  while (url) {
    const response: Response = await fetch(url, {
      headers: { Authorization: `Bearer ${fixture.teacher.token}` },
    });
    if (!response.ok) throw new Error(`events: HTTP ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { quiz_submission_events: ServerEvent[] };
    events.push(...body.quiz_submission_events);
    url = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('Link') ?? '')?.[1];
  }
  return events;
}

export function clearFaults(): Promise<unknown> {
  return control('faults', { method: 'DELETE' });
}

export interface FaultSpec {
  method?: string;
  path?: string;
  times?: number;
  action?: 'status' | 'delay' | 'reset' | 'timeout';
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
  contentType?: string;
  delayMs?: number;
  afterHandler?: boolean;
  preset?: string;
  bodyIncludes?: string;
}

/** Arms a fault: the next `times` matching requests fail as told. */
export function addFault(spec: FaultSpec): Promise<unknown> {
  return control('faults', { json: spec });
}

export interface LoggedRequest {
  id: number;
  method: string;
  path: string;
  /** The query string, without `?`. */
  query: string;
  /** The request's X-Requested-With (Canvas's jQuery sends XMLHttpRequest), or null. */
  requestedWith: string | null;
  status: number | string | null;
  time: number;
  durationMs: number | null;
  bodySize: number | null;
}

export async function requestLog(path: string): Promise<LoggedRequest[]> {
  const { requests } = await control<{ requests: LoggedRequest[] }>(
    `requests?path=${encodeURIComponent(path)}`,
  );
  return requests;
}

/** Starts a quiz submission as the fixture's student, as Canvas's quiz page does before it renders. */
export async function startSubmission(
  fixture: Fixture,
  student = fixture.student,
): Promise<{ id: string; attempt: number; validationToken: string }> {
  const response = await fetch(`/api/v1/courses/${fixture.courseId}/quizzes/${fixture.quizId}/submissions`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${student.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ access_code: 'letmein' }),
  });
  if (!response.ok) throw new Error(`start: HTTP ${response.status} ${await response.text()}`);
  const qs = (
    (await response.json()) as {
      quiz_submissions: { id: number | string; attempt: number; validation_token: string }[];
    }
  ).quiz_submissions[0]!;
  return { id: String(qs.id), attempt: qs.attempt, validationToken: qs.validation_token };
}

/** Polls `check` until it returns a value (for state held by the server or another tab). */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    // A timer, not requestAnimationFrame: the runner page may be hidden while another tab is in front.
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Our own events (those carrying seq), by tab (page load) and then by seq. */
export function byTab(events: ServerEvent[]): Map<string, Map<number, ServerEvent[]>> {
  const tabs = new Map<string, Map<number, ServerEvent[]>>();
  for (const event of events) {
    const data = event.event_data as { seq?: number; tab?: string } | null;
    if (typeof data?.seq !== 'number' || typeof data.tab !== 'string') continue;
    const seqs = tabs.get(data.tab) ?? new Map<number, ServerEvent[]>();
    tabs.set(data.tab, seqs);
    seqs.set(data.seq, [...(seqs.get(data.seq) ?? []), event]);
  }
  return tabs;
}

/** Our own events by seq, for a test whose events all come from one page load (checked). */
export function bySeq(events: ServerEvent[]): Map<number, ServerEvent[]> {
  const tabs = byTab(events);
  if (tabs.size > 1) throw new Error(`bySeq: events of ${tabs.size} tabs; use byTab`);
  return [...tabs.values()][0] ?? new Map<number, ServerEvent[]>();
}
