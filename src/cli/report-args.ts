import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

export type ReportFormat = 'html' | 'csv' | 'json';

/** What `quiz-proctor report` was asked for. */
export interface ReportArgs {
  baseUrl: string;
  token: string;
  courseId: string;
  quizId: string;
  format: ReportFormat;
  /** The file written. */
  out: string;
}

export const REPORT_USAGE = `Usage: quiz-proctor report --base-url URL --token TOKEN --course C --quiz Q [--out FILE] [--format html|csv|json]

Reads every submission of a Canvas classic quiz and its captured events (a teacher's token; the
course needs Canvas's quiz log auditing), reviews each attempt and writes one file:
  html  a summary table, then one timeline per attempt (the default)
  csv   one row per attempt: its totals and finding codes
  json  analyzeAttempt's output per attempt
--token may be left out when CANVAS_TOKEN is set (a token on the command line shows in ps).
--out defaults to quiz-<Q>-report.<format>; --format defaults to --out's extension, else html.`;

const FORMATS: readonly ReportFormat[] = ['html', 'csv', 'json'];
const isFormat = (value: string): value is ReportFormat => (FORMATS as readonly string[]).includes(value);

/** Parses `report`'s arguments; a wrong command line is a `usage` CliError naming the option. */
export function parseReportArgs(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): ReportArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        course: { type: 'string' },
        quiz: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError('usage', error instanceof Error ? error.message : String(error));
  }
  const required = (name: 'base-url' | 'course' | 'quiz'): string => {
    const value = values[name]?.trim();
    if (value === undefined || value === '') throw new CliError('usage', `--${name} is required`);
    return value;
  };
  const baseUrl = required('base-url');
  if (!/^https?:\/\/[^/]/i.test(baseUrl) || !URL.canParse(baseUrl))
    throw new CliError(
      'usage',
      `--base-url must be an http(s) URL such as https://canvas.example.edu, not ${baseUrl}`,
    );
  const token = (values.token ?? env.CANVAS_TOKEN ?? '').trim();
  if (token === '') throw new CliError('usage', '--token is required (or set CANVAS_TOKEN)');
  const courseId = required('course');
  const quizId = required('quiz');
  for (const [name, id] of [
    ['course', courseId],
    ['quiz', quizId],
  ] as const)
    if (!/^\d+$/.test(id)) throw new CliError('usage', `--${name} must be a Canvas id (digits), not ${id}`);
  const fromOut = values.out?.match(/\.(html|csv|json)$/i)?.[1]?.toLowerCase();
  const format = values.format?.toLowerCase() ?? fromOut ?? 'html';
  if (!isFormat(format)) throw new CliError('usage', `--format must be html, csv or json, not ${format}`);
  return { baseUrl, token, courseId, quizId, format, out: values.out ?? `quiz-${quizId}-report.${format}` };
}
