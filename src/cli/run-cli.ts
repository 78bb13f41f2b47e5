import { writeFile } from 'node:fs/promises';
import { CanvasApiError } from '../canvas/core/canvas-api-error.js';
import { createCanvasClient } from '../canvas/core/canvas-client.js';
import { CanvasError } from '../canvas/core/canvas-error.js';
import { renderTimeline } from '../review/index.js';
import { CliError } from './cli-error.js';
import { honourRateLimit } from './honour-rate-limit.js';
import { createProgressBar, type ProgressOutput } from './progress-bar.js';
import { readQuizReport } from './read-quiz-report.js';
import { parseReportArgs, REPORT_USAGE, type ReportArgs } from './report-args.js';
import { writeCsv } from './write-csv.js';
import { writeHtml } from './write-html.js';
import { writeJson } from './write-json.js';

/** What the command talks to; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: ProgressOutput;
  env: Record<string, string | undefined>;
  /** The first wait after Canvas's rate limit answered (doubling after); 1 s unless a test says. */
  firstRateLimitWaitMs?: number;
}

const USAGE = `quiz-proctor: proctoring evidence of Canvas quizzes.

${REPORT_USAGE}`;

/** Runs the command line; resolves with the exit code. Every failure is one line on stderr. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || rest.includes('--help')) {
    io.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  let args: ReportArgs | undefined;
  try {
    if (command !== 'report') throw new CliError('usage', `unknown command ${command} (try --help)`);
    args = parseReportArgs(rest, io.env);
    await report(args, io);
    return 0;
  } catch (error) {
    const failure = explain(error, args);
    io.stderr.write(`quiz-proctor: ${failure.message}\n`);
    return failure.exitCode;
  }
}

async function report(args: ReportArgs, io: CliIo): Promise<void> {
  const bar = createProgressBar(io.stderr);
  const client = honourRateLimit(
    createCanvasClient({ baseUrl: args.baseUrl, auth: { type: 'bearer', token: args.token } }),
    {
      firstWaitMs: io.firstRateLimitWaitMs ?? 1000,
      maxRetries: 6,
      onWait: (waitMs) => {
        bar.waiting(waitMs);
      },
    },
  );
  let attempts;
  try {
    attempts = await readQuizReport(client, args.courseId, args.quizId, (done, total) => {
      bar.update(done, total);
    });
  } finally {
    bar.done();
  }
  const source = {
    baseUrl: args.baseUrl,
    courseId: args.courseId,
    quizId: args.quizId,
    generatedAt: new Date().toISOString(),
  };
  const text =
    args.format === 'json'
      ? writeJson(source, attempts)
      : args.format === 'csv'
        ? writeCsv(attempts)
        : writeHtml(source, attempts, ({ events, submission }, title) =>
            renderTimeline({
              events: events.map((event) => ({ ...event, event_data: event.event_data ?? null })),
              submission,
              title,
            }),
          );
  await writeFile(args.out, text);
  const alerted = attempts.filter((a) => a.review.findings.some((f) => f.severity === 'alert')).length;
  io.stdout.write(
    `Wrote ${args.out}: ${String(attempts.length)} attempts, ${String(alerted)} with alerts.\n`,
  );
}

/** The one line a failure ends with. */
function explain(error: unknown, args: ReportArgs | undefined): CliError {
  if (error instanceof CliError) return error;
  const course = args?.courseId ?? '?';
  const quiz = args?.quizId ?? '?';
  if (error instanceof CanvasApiError) {
    const said = `Canvas answered ${String(error.status)}: ${error.canvasMessage}`;
    if (error.status === 401)
      return new CliError('unauthorized', `Canvas refused the token (${said}); check --token`, {
        cause: error,
      });
    if (error.status === 404)
      return new CliError(
        'not_found',
        `no quiz ${quiz} in course ${course} that this token can see (${said})`,
        { cause: error },
      );
    if (error.status === 400 && /quiz log auditing must be enabled/i.test(error.canvasMessage))
      return new CliError(
        'log_disabled',
        `the quiz log is off in course ${course}: turn on the course feature "Quiz Log Auditing" (${said})`,
        { cause: error },
      );
    if (error.status === 403 && error.canvasMessage.includes('Rate Limit Exceeded'))
      return new CliError(
        'canvas',
        `Canvas's rate limit held through every wait (${said}); try again later`,
        {
          cause: error,
        },
      );
    if (error.status === 403)
      return new CliError(
        'canvas',
        `Canvas refused (${said}); the token needs a teacher's rights in the course`,
        {
          cause: error,
        },
      );
    return new CliError('canvas', said, { cause: error });
  }
  if (error instanceof CanvasError) {
    const cause =
      error.cause instanceof Error
        ? error.cause.cause instanceof Error
          ? error.cause.cause
          : error.cause
        : undefined;
    return new CliError(
      'network',
      `could not reach Canvas at ${args?.baseUrl ?? '?'}${cause ? ` (${cause.message})` : ''}`,
      {
        cause: error,
      },
    );
  }
  if (
    error instanceof Error &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('E')
  )
    return new CliError('canvas', `could not write the report: ${error.message}`, { cause: error });
  return new CliError('canvas', error instanceof Error ? error.message : String(error), { cause: error });
}
