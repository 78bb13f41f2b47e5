// Api.recursively_stringify_json_ids: with `Accept: application/json+canvas-string-ids`, every
// integer under a key named `id` or ending in `_id` becomes a string, and so does every integer
// in an array under `ids` / `*_ids` — at any depth, event_data included (Canvas applies it to
// the whole rendered JSON).
const ID_KEY = /(^|_)id$/;
const IDS_KEY = /(^|_)ids$/;

const stringifyId = (value) => (Number.isInteger(value) ? String(value) : value);

export function wantsStringIds(request) {
  return /application\/json\+canvas-string-ids/.test(request.headers.accept ?? '');
}

export function stringifyJsonIds(value) {
  if (Array.isArray(value)) {
    value.forEach(stringifyJsonIds);
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      if (ID_KEY.test(key)) value[key] = stringifyId(value[key]);
      else if (IDS_KEY.test(key) && Array.isArray(value[key])) value[key] = value[key].map(stringifyId);
      if (value[key] !== null && typeof value[key] === 'object') stringifyJsonIds(value[key]);
    }
  }
  return value;
}
