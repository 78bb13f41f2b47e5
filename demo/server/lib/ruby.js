// Ruby coercions that Canvas relies on. Canvas's answers depend on these exact semantics
// (e.g. `Integer(params[:attempt]) rescue nil` in QuizSubmissionService#ensure_latest_attempt!,
// `!!params[:preview]`, `params[:id].to_i`), so the emulator reproduces them instead of using
// JavaScript's looser Number()/parseInt().

// Ruby's Integer(str) grammar: optional sign, optional radix prefix (0x, 0b, 0o or a bare
// leading 0 for octal, 0d), digits with single underscores between them, surrounding whitespace.
const INTEGER_LITERAL =
  /^\s*([+-])?(?:0[xX]([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)|0[bB]([01]+(?:_[01]+)*)|0[oO]?([0-7]+(?:_[0-7]+)*)|0[dD](\d+(?:_\d+)*)|([1-9]\d*(?:_\d+)*|0))\s*$/;

/**
 * Ruby `Integer(value) rescue nil`. Returns a BigInt, or null where Ruby raises.
 * Numbers: integers pass, floats are truncated (Integer(1.5) == 1). Strings follow the grammar
 * above ("2" and " 2 " pass; "1.5", "abc", "" and "08" fail). nil, booleans, arrays and hashes fail.
 */
export function rubyInteger(value) {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? BigInt(Math.trunc(value)) : null;
  }
  if (typeof value !== 'string') return null;
  const m = INTEGER_LITERAL.exec(value);
  if (!m) return null;
  const [, sign, hex, bin, oct, dec, plain] = m;
  let digits;
  if (hex !== undefined) digits = `0x${hex}`;
  else if (bin !== undefined) digits = `0b${bin}`;
  else if (oct !== undefined) digits = `0o${oct}`;
  else digits = dec ?? plain;
  const n = BigInt(digits.replaceAll('_', ''));
  return sign === '-' ? -n : n;
}

/** Ruby `value.to_i`: leading integer prefix of a string, 0 when there is none; floats truncate. */
export function rubyToI(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : 0;
  if (typeof value !== 'string') return 0;
  const m = /^\s*([+-]?\d+(?:_\d+)*)/.exec(value);
  return m ? Number(m[1].replaceAll('_', '')) : 0;
}

/** Ruby truthiness (`!!value`): only nil and false are false; "", "false" and 0 are true. */
export function rubyTruthy(value) {
  return value !== undefined && value !== null && value !== false;
}

/** Ruby Float#round: halves round away from zero (JS Math.round rounds -2.5 to -2). */
export function rubyRound(x) {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** Canvas's `value_to_boolean` (Canvas::Plugin): the usual truthy strings. */
export function valueToBoolean(value) {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1;
  if (typeof value !== 'string') return false;
  return ['yes', 'y', 'true', 't', 'on', '1'].includes(value.toLowerCase());
}

/** Ruby `String#present?` for params: a string with a non-whitespace character. */
export function presentString(value) {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Ruby `value.to_f`: the leading decimal prefix of a string, 0.0 when there is none. */
export function rubyToF(value) {
  if (typeof value === 'number') return Number.isFinite(value) ? value : 0;
  if (typeof value !== 'string') return 0;
  const m = /^\s*([+-]?(?:\d+(?:_\d+)*)?(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(value);
  const n = m ? Number(m[1].replaceAll('_', '')) : NaN;
  return Number.isFinite(n) ? n : 0;
}
