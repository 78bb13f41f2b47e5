import type { KyInstance } from 'ky';
import type { CanvasAuth } from './canvas-auth.js';
import { createCanvasHttp, STRING_IDS_ACCEPT } from './create-canvas-http.js';
import type { Id } from './id.js';

/** Options of {@link createCanvasClient}. */
export interface CanvasClientOptions {
  /**
   * Where Canvas is; a path prefix (`https://host/canvas`) is kept. A relative URL resolves against
   * the page's `document.baseURI`; outside a browser it must be absolute.
   * @default the origin of `document.baseURI`
   */
  baseUrl?: string;
  /**
   * How to authenticate: a fixed value, or a function read before every request (token rotation).
   * @default { type: 'session' }
   */
  auth?: CanvasAuth | (() => CanvasAuth);
  /**
   * Ask for `application/json+canvas-string-ids`: every id in every result is then a string.
   * @default false
   */
  stringIds?: boolean;
}

/**
 * A connection to one Canvas. `I` is the type of ids in results: `number`, or `string` for a
 * client made with `stringIds: true`.
 */
export interface CanvasClient<I extends Id = Id> {
  /** Absolute base URL, always ending with `/`. */
  readonly baseUrl: string;
  readonly stringIds: boolean;
  /** The ky instance every operation uses (auth, CSRF, `while(1);` stripping, no retries). */
  readonly http: KyInstance;
  /** Type-level only, never set: carries `I` to the operations. */
  readonly idType?: I;
}

/**
 * Creates a Canvas API client. Operations are standalone functions taking the client, so a bundle
 * only contains the operations it calls.
 * @example
 * const canvas = createCanvasClient({ auth: { type: 'bearer', token } });
 * const qs = await startQuizSubmission(canvas, { courseId: 1, quizId: 2, accessCode: 'letmein' });
 */
export function createCanvasClient(options: CanvasClientOptions & { stringIds: true }): CanvasClient<string>;
export function createCanvasClient(
  options?: CanvasClientOptions & { stringIds?: false },
): CanvasClient<number>;
export function createCanvasClient(options?: CanvasClientOptions): CanvasClient;
export function createCanvasClient(options: CanvasClientOptions = {}): CanvasClient {
  // The page's base, not location: a srcdoc iframe's location is `about:srcdoc` and a <base href>
  // moves it. The default, `/`, is the base's origin.
  // Outside a browser (Node: the class report) there is no page to resolve against, so baseUrl
  // must be absolute there (URL throws a TypeError otherwise).
  const base = new URL(
    options.baseUrl ?? '/',
    typeof document === 'undefined' ? undefined : document.baseURI,
  );
  const baseUrl = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const auth = options.auth ?? { type: 'session' };
  const getAuth = typeof auth === 'function' ? auth : () => auth;
  const stringIds = options.stringIds ?? false;
  // Operations resolve every URL themselves, against baseUrl.
  const http = createCanvasHttp(getAuth, stringIds ? STRING_IDS_ACCEPT : 'application/json');
  return { baseUrl, stringIds, http };
}
