import { quizSubmissionEventsPath } from '../canvas/quiz-submissions/quiz-submissions-path.js';
import {
  createDeliveryEngine,
  type DeliveryConfig,
  type DeliveryEngine,
} from '../deliver/create-delivery-engine.js';
import { DEFAULT_RETRY } from '../deliver/retry-policy.js';
import { sendEvents } from '../deliver/send-events.js';
import { sendKeepalive } from '../deliver/send-keepalive.js';
import type { AttemptPipelineConfig } from './attempt-pipeline.js';

type Callbacks = Pick<
  DeliveryConfig,
  'store' | 'whenWritten' | 'onDelivered' | 'onError' | 'onDeadLetter' | 'onState' | 'onRetry' | 'leading'
>;

/** The attempt's delivery engine, posting to Canvas's events endpoint for the submission. */
export function createAttemptEngine(config: AttemptPipelineConfig, callbacks: Callbacks): DeliveryEngine {
  const { options, deps, submission } = config;
  // Absolute, so an events URL Canvas gave the page (possibly another host) works like our own.
  const eventsUrl =
    options.eventsUrl ??
    `${options.baseUrl}/${quizSubmissionEventsPath(options.courseId, options.quizId, submission.id)}`;
  return createDeliveryEngine({
    ...callbacks,
    scheduler: deps.scheduler,
    random: deps.random,
    timing: {
      baseDelayMs: options.retryBaseDelayMs,
      maxDelayMs: options.retryMaxDelayMs,
      retryAfterMaxMs: options.retryAfterMaxMs,
      jitterRatio: DEFAULT_RETRY.jitterRatio,
    },
    maxBatchEvents: options.maxBatchEvents,
    maxBatchBytes: options.maxBatchBytes,
    keepaliveBudgetBytes: deps.keepaliveBudgetBytes,
    send: (events) => sendEvents(config.http, eventsUrl, events),
    sendKeepalive: (body) => sendKeepalive(eventsUrl, body, config.getAuth()),
  });
}
