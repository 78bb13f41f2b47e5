// The IIFE's entry: the same API as the ESM build, exposed as the global `QuizProctor`.
export {
  ConfigError,
  createProctor,
  isConfigError,
  isProctorError,
  isTransportError,
  ProctorError,
  TransportError,
} from './index.js';
