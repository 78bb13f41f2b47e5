// The server's log of an attempt read back as a teacher through the typed client and reviewed with
// analyzeAttempt, as a school's reviewer does: for the tests that apply a silencing technique.
import { createCanvasClient, getQuizSubmission, type ProctorOptions } from '../../src/index.js';
import { analyzeAttempt } from '../../src/review/index.js';
import { serverEvents, type Fixture, type startSubmission } from './canvas.js';
import { optionsFor } from './proctor-for.js';

/** The SDK's default heartbeat interval, which the reviewer is told the attempt ran with. */
export const HEARTBEAT_MS = 15_000;

export type AttemptReview = ReturnType<typeof analyzeAttempt>;

/** Reads the attempt's events (with client timestamps) and its submission, and reviews them. */
export async function review(
  fixture: Fixture,
  submissionId: string,
  heartbeatIntervalMs = HEARTBEAT_MS,
): Promise<AttemptReview> {
  const events = (await serverEvents(fixture, submissionId, { withClientTimestamp: true })).map((event) => ({
    ...event,
    event_data: event.event_data ?? null,
  }));
  const client = createCanvasClient({ auth: { type: 'bearer', token: fixture.teacher.token } });
  const submission = await getQuizSubmission(client, {
    courseId: fixture.courseId,
    quizId: fixture.quizId,
    id: submissionId,
  });
  return analyzeAttempt({ events, submission, heartbeatIntervalMs });
}

/** The codes of the review's alerts. */
export const alerts = (result: AttemptReview) =>
  result.findings.filter((finding) => finding.severity === 'alert').map((finding) => finding.code);

/** The codes of the review's notices. */
export const notices = (result: AttemptReview) =>
  result.findings.filter((finding) => finding.severity === 'notice').map((finding) => finding.code);

/** Every capture switch on (the defaults), delivery fast for the test. */
export const proctorOptions = (
  fixture: Fixture,
  submission: Awaited<ReturnType<typeof startSubmission>>,
  extra: Partial<ProctorOptions> = {},
) => optionsFor(fixture, submission, { capture: {}, flushIntervalMs: 300, accessCode: 'letmein', ...extra });
