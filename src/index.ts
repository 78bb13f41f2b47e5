export { createProctor } from './api/create-proctor.js';
export type {
  CompleteResult,
  DeliveryState,
  Proctor,
  ProctorEvents,
  ProctorState,
  ProctorStats,
} from './api/proctor.js';
export type { CanvasAuth, ProctorOptions, SubmissionRef } from './api/proctor-options.js';
export type { CaptureMemory, CaptureOptions, CaptureSwitch } from './capture/capture-options.js';
export type {
  CanvasAnswer,
  CaptureEventDataMap,
  CaptureEventType,
  CaptureWarningReason,
  ShortcutPurpose,
} from './capture/event-catalog.js';
export { ConfigError } from './errors/config-error.js';
export type { ProctorErrorCode } from './errors/messages.js';
export { ProctorError } from './errors/proctor-error.js';
export { TransportError } from './errors/transport-error.js';
export { isConfigError, isProctorError, isTransportError } from './errors/is-proctor-error.js';
export type { DeadLetter } from './store/event-store.js';
export { SessionError } from './session/session-error.js';
// createProctorWith and ProctorDeps are deliberately not exported: they exist for tests and benches.
// EVENT_CATALOG is not exported either: its prose would ship in the IIFE; docs/events.md has it.
