import type { CanvasClient } from './canvas-client.js';
import type { QueryParams } from './query-params.js';
import { canvasUrl, requestCanvas } from './request-canvas.js';

/**
 * A paginated Canvas collection, fetched lazily: iterate rows with `for await`, or whole pages
 * with `pages()`, or collect everything with `all()`. Follows `Link: rel="next"` only; a missing
 * `next` is the end.
 */
export interface CanvasList<T> extends AsyncIterable<T> {
  pages(): AsyncIterableIterator<T[]>;
  all(): Promise<T[]>;
}

/** Options every list operation takes. */
export interface PageOptions {
  /** Rows per page; Canvas clamps it to 1..100 and defaults to 10. */
  perPage?: number;
}

/** The URL of the `rel="next"` link, if any. */
export function nextLink(header: string | null): string | undefined {
  if (header === null) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /<([^>]*)>(.*)/.exec(part);
    const rel = match?.[2] !== undefined ? /rel="?([^";]*)"?/.exec(match[2])?.[1] : undefined;
    if (match?.[1] !== undefined && rel?.split(/\s+/).includes('next') === true) return match[1];
  }
  return undefined;
}

/** Every row of every page of `list`. */
export function getAll<T>(list: CanvasList<T>): Promise<T[]> {
  return list.all();
}

/**
 * A lazy list over `path`. `rows` picks the rows out of a page body (some endpoints wrap them in
 * `{key: [...]}`).
 */
export function canvasList<T>(
  client: CanvasClient,
  path: string,
  query: QueryParams,
  perPage: number | undefined,
  rows: (data: unknown) => T[] = (data) => (Array.isArray(data) ? (data as T[]) : []),
): CanvasList<T> {
  async function* pages(): AsyncIterableIterator<T[]> {
    let url: string | undefined = canvasUrl(client, path, { ...query, per_page: perPage }).href;
    while (url !== undefined) {
      const { data, response } = await requestCanvas(client, { method: 'GET', path: url });
      yield rows(data);
      url = nextLink(response.headers.get('Link'));
    }
  }
  return {
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page;
    },
    async all() {
      const all: T[] = [];
      for await (const page of pages()) all.push(...page);
      return all;
    },
  };
}

/** `rows` for endpoints answering `{key: [...]}`. */
export const rowsOf =
  <T>(key: string) =>
  (data: unknown): T[] => {
    const list = (data as Record<string, unknown> | undefined)?.[key];
    return Array.isArray(list) ? (list as T[]) : [];
  };
