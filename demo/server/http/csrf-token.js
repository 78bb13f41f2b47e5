import { randomBytes, timingSafeEqual } from 'node:crypto';

// Canvas's CSRF tokens (CanvasBreachMitigation::MaskingSecrets, like Rails' masked tokens): the
// session holds a 32-byte secret; the `_csrf_token` cookie holds base64(pad + (pad XOR secret))
// with a fresh random pad on every response, so its value changes while every issued value
// stays valid. A request passes when X-CSRF-Token (or the authenticity_token param) decodes to
// the secret: either a masked value or the bare secret. The cookie is URL-encoded on the wire
// (%2B, %2F, %3D), so clients must decode it before echoing it back.

const STRICT_BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

const xor = (a, b) => Buffer.from(a.map((byte, index) => byte ^ b[index]));

export function maskToken(secretBase64) {
  const secret = Buffer.from(secretBase64, 'base64');
  const pad = randomBytes(secret.length);
  return Buffer.concat([pad, xor(pad, secret)]).toString('base64');
}

export function tokenMatchesSecret(presented, secretBase64) {
  if (typeof presented !== 'string' || !STRICT_BASE64.test(presented)) return false;
  const secret = Buffer.from(secretBase64, 'base64');
  const raw = Buffer.from(presented, 'base64');
  if (raw.length === secret.length) return timingSafeEqual(raw, secret);
  if (raw.length !== secret.length * 2) return false;
  return timingSafeEqual(xor(raw.subarray(0, secret.length), raw.subarray(secret.length)), secret);
}
