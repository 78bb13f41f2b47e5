// Helpers for the HTML page suites: a browser-like session (cookie jar, no redirects followed),
// and readers for what a page holds (its ENV, its authenticity token).
import { createClient } from './helpers.js';

/**
 * A cookie-keeping client of one base URL (helpers.js's client, plus a cookie jar). Resolves
 * { status, location, headers, text, json }.
 */
export function createPageSession(base) {
  const api = createClient(base);
  const jar = new Map();
  async function request(method, path, { form, headers } = {}) {
    const cookie = jar.size > 0 ? [...jar].map(([name, value]) => `${name}=${value}`).join('; ') : undefined;
    const response = await api(method, path, { form, headers, cookie });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
    return { ...response, location: response.headers.get('location') };
  }
  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, form, options) => request('POST', path, { ...options, form }),
    logIn: (who) => request('GET', `/login?as=${encodeURIComponent(who.login ?? who.id)}`),
    cookie: (name) => jar.get(name),
  };
}

/** The page's `ENV = {...};` inline script, parsed. */
export function envOf(html) {
  const match = /<script>ENV = (.*);<\/script>/.exec(html);
  if (!match) throw new Error('no ENV script in the page');
  return JSON.parse(match[1]);
}

/** The first authenticity_token input's value. */
export function authenticityToken(html) {
  return /name="authenticity_token" value="([^"]+)"/.exec(html)?.[1];
}

export const quizPath = (fx, quizId = fx.quizId) => `/courses/${fx.courseId}/quizzes/${quizId}`;

/**
 * As the session's user: open the quiz page, POST …/take with its token (and `access_code`
 * when given), and follow the redirect. Resolves { start, take } (the POST and the GET).
 */
export async function startFromQuizPage(
  session,
  fx,
  { accessCode = fx.accessCode, preview = false, quizId } = {},
) {
  const path = quizPath(fx, quizId);
  const show = await session.get(`${path}${preview ? '?preview=1' : ''}`);
  const form = { authenticity_token: authenticityToken(show.text) };
  if (accessCode) form.access_code = accessCode;
  const start = await session.post(`${path}/take${preview ? '?preview=1' : ''}`, form);
  if (start.status !== 302) return { start, take: null };
  const target = new URL(start.location);
  const take = await session.get(`${target.pathname}${target.search}`);
  return { start, take };
}

/** The hidden input's value in a page (by name), or undefined. */
export function inputValue(html, name) {
  const tag = new RegExp(`<input[^>]*name="${name}"[^>]*>`).exec(html)?.[0];
  return tag ? /value="([^"]*)"/.exec(tag)?.[1] : undefined;
}

/** The text of `<span class="NAME">…</span>` inside #quiz_urls. */
export function quizUrlsSpan(html, name) {
  const urls = /<div style="display: none;" id="quiz_urls">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  return new RegExp(`<span class="${name}">([^<]*)</span>`).exec(urls)?.[1];
}
