export { createProctor } from './api/create-proctor.js';
export type { Proctor, ProctorEvents, ProctorState, ProctorStats } from './api/proctor.js';
export type { CanvasAuth, ProctorOptions, SubmissionRef } from './api/proctor-options.js';
export { ConfigError } from './errors/config-error.js';
export type { ProctorErrorCode } from './errors/messages.js';
export { ProctorError } from './errors/proctor-error.js';
export { TransportError } from './errors/transport-error.js';
export { isConfigError, isProctorError, isTransportError } from './errors/is-proctor-error.js';
// createProctorWith and ProctorDeps are deliberately not exported: they exist for tests.
