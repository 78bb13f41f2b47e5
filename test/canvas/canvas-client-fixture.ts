// Fixtures and helpers for the Canvas client tests: the full fixture (with the assignment, TA and
// observer), clients per person, cookie-session login, and typed-error assertions.
import { expect } from '@esm-bundle/chai';
import {
  createCanvasClient,
  isCanvasApiError,
  type CanvasApiError,
  type CanvasClient,
} from '../../src/canvas/index.js';

export interface Person {
  id: number;
  token: string;
}

export interface ClientFixture {
  courseId: number;
  quizId: number;
  assignmentId: number;
  questionIds: number[];
  accessCode: string | null;
  student: Person;
  student2: Person;
  teacher: Person;
  ta: Person;
  observer: Person;
}

export async function createClientFixture(options: Record<string, unknown> = {}): Promise<ClientFixture> {
  const response = await fetch('/__control/fixtures', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(options),
  });
  if (!response.ok) throw new Error(`fixture: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as ClientFixture;
}

/** A Bearer client for `person`, with number ids. */
export function clientFor(person: Person): CanvasClient<number> {
  return createCanvasClient({ auth: { type: 'bearer', token: person.token } });
}

/** Opens a cookie session as `person` (sets `canvas_session` and `_csrf_token`). */
export async function logIn(person: Person): Promise<void> {
  const response = await fetch('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: person.token }),
  });
  if (!response.ok) throw new Error(`login: HTTP ${response.status}`);
}

export async function logOut(): Promise<void> {
  await fetch('/login', { method: 'DELETE' });
}

/** Awaits a rejection and checks it is a CanvasApiError with this status and Canvas message. */
export async function expectCanvasError(
  promise: Promise<unknown>,
  status: number | readonly number[],
  message?: string | RegExp,
): Promise<CanvasApiError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (!isCanvasApiError(caught)) throw new Error(`expected a CanvasApiError, got ${String(caught)}`);
  expect(caught.code).to.equal('canvas_api_error');
  expect(Array.isArray(status) ? status : [status]).to.include(caught.status);
  if (typeof message === 'string') expect(caught.canvasMessage).to.equal(message);
  else if (message !== undefined) expect(caught.canvasMessage).to.match(message);
  return caught;
}

export function clearFaults(): Promise<Response> {
  return fetch('/__control/faults', { method: 'DELETE' });
}

export function addFault(spec: Record<string, unknown>): Promise<Response> {
  return fetch('/__control/faults', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(spec),
  });
}

/**
 * Whether the upload URLs Canvas hands out (`/files_api/…`) reach the emulator on the test page's
 * origin: the runner only forwards the prefixes listed in web-test-runner.config.mjs.
 */
export async function uploadsRouted(): Promise<boolean> {
  const response = await fetch('/files_api/uploads/probe', { method: 'POST' });
  return (response.headers.get('Content-Type') ?? '').includes('json');
}
