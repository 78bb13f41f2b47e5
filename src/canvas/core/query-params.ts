/** A query value: arrays are sent Rails-style as repeated `key[]=…`. */
export type QueryValue = string | number | boolean | readonly (string | number)[];

export type QueryParams = Readonly<Record<string, QueryValue | undefined>>;

/** Appends `params` to `url`; undefined values are left out. */
export function withQuery(url: URL, params: QueryParams = {}): URL {
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number)[])
        url.searchParams.append(`${key}[]`, String(item));
    } else {
      url.searchParams.set(key, String(value));
    }
  }
  return url;
}
