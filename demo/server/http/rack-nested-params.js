import { genericError } from './canvas-errors.js';

// Rack's nested query parser (Rack::QueryParser#parse_nested_query / normalize_params), which
// Rails uses for query strings and form bodies:
//   a[b]=1                         -> {a: {b: "1"}}
//   include[]=x&include[]=y        -> {include: ["x", "y"]}
//   e[][t]=a&e[][c]=1&e[][t]=b     -> {e: [{t: "a", c: "1"}, {t: "b"}]}  (a repeated key starts a new hash)
//   x=1&x=2                        -> {x: "2"}                              (last one wins)
//   flag                           -> {flag: null}
// `qs` (the npm package) does not follow these rules: it merges repeated keys into arrays and
// keeps one hash per `[]` array, so it would turn the third example into
// {e: [{t: ["a","b"], c: "1"}]}. Rack's algorithm is therefore implemented here.
// Malformed input (bad %-escapes, a key used both as a string and a hash, nesting deeper than
// Rack's limit) is a 400, as Rails answers it.

const PARAM_DEPTH_LIMIT = 32;

const newHash = () => Object.create(null);
const isHash = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);

function unescape(text) {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    throw genericError(400);
  }
}

function hashHasKey(hash, key) {
  if (/\[\]/.test(key)) return false;
  let current = hash;
  for (const part of key.split(/[[\]]+/)) {
    if (part === '') continue;
    if (!isHash(current) || !Object.hasOwn(current, part)) return false;
    current = current[part];
  }
  return true;
}

function normalizeParams(params, name, value, depth) {
  if (depth >= PARAM_DEPTH_LIMIT) throw genericError(400);
  let key;
  let after;
  if (name === null || name === undefined) {
    key = after = '';
  } else if (depth === 0) {
    const start = name.indexOf('[', 1);
    if (start !== -1) {
      key = name.slice(0, start);
      after = name.slice(start);
    } else {
      key = name;
      after = '';
    }
  } else if (name.startsWith('[]')) {
    key = '[]';
    after = name.slice(2);
  } else if (name.startsWith('[') && name.indexOf(']', 1) !== -1) {
    const end = name.indexOf(']', 1);
    key = name.slice(1, end);
    after = name.slice(end + 1);
  } else {
    key = name;
    after = '';
  }

  if (key === '') return undefined;

  if (after === '') {
    if (key === '[]' && depth !== 0) return [value];
    params[key] = value;
  } else if (after === '[') {
    params[name] = value;
  } else if (after === '[]') {
    params[key] ??= [];
    if (!Array.isArray(params[key])) throw genericError(400);
    params[key].push(value);
  } else if (after.startsWith('[]')) {
    // x[][y]=... : a hash inside an array
    let childKey = after.slice(2);
    if (after[2] === '[' && after.endsWith(']')) {
      const candidate = after.slice(3, -1);
      if (candidate !== '' && !candidate.includes('[') && !candidate.includes(']')) childKey = candidate;
    }
    params[key] ??= [];
    if (!Array.isArray(params[key])) throw genericError(400);
    const last = params[key][params[key].length - 1];
    if (isHash(last) && !hashHasKey(last, childKey)) {
      normalizeParams(last, childKey, value, depth + 1);
    } else {
      params[key].push(normalizeParams(newHash(), childKey, value, depth + 1));
    }
  } else {
    params[key] ??= newHash();
    if (!isHash(params[key])) throw genericError(400);
    params[key] = normalizeParams(params[key], after, value, depth + 1);
  }
  return params;
}

/** Parses a query string or form body the way Rack does (see above). */
export function parseNestedQuery(text) {
  const params = newHash();
  if (!text) return params;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = unescape(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? null : unescape(pair.slice(eq + 1));
    normalizeParams(params, name, value, 0);
  }
  return params;
}
