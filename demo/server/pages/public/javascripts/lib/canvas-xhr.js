// What Canvas's jQuery setup adds to every same-origin XHR: `X-Requested-With: XMLHttpRequest`
// (jQuery itself) and `X-CSRF-Token` = the _csrf_token cookie, URL-decoded (Canvas's
// ajaxPrefilter). For `dataType: 'json'` requests jQuery's Accept gets Canvas's
// `application/json+canvas-string-ids` appended, and GET answers to a cookie session start with
// `while(1);`, which Canvas's JSON converter strips.

export const JSON_ACCEPT =
  'application/json, text/javascript, application/json+canvas-string-ids, */*; q=0.01';

export function csrfCookie() {
  const pair = document.cookie.split('; ').find((entry) => entry.startsWith('_csrf_token='));
  if (!pair) return null;
  try {
    return decodeURIComponent(pair.slice('_csrf_token='.length));
  } catch {
    return null;
  }
}

/** Resolves { status, statusText, text, link } — never rejects (a network error is status 0). */
export function canvasXhr({ method, url, headers = {}, body = null, timeoutMs = 0 }) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    const done = () =>
      resolve({
        status: request.status,
        statusText: request.statusText,
        text: request.responseText,
        link: request.getResponseHeader('Link') ?? '',
      });
    try {
      request.open(method, url, true);
      request.timeout = timeoutMs;
      request.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
      const token = csrfCookie();
      if (token) request.setRequestHeader('X-CSRF-Token', token);
      for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
      request.onload = done;
      request.onerror = done;
      request.ontimeout = done;
      request.onabort = done;
      request.send(body);
    } catch {
      resolve({ status: 0, statusText: '', text: '', link: '' });
    }
  });
}

export const isSuccess = (status) => (status >= 200 && status < 300) || status === 304;

/** The body as JSON (without Canvas's `while(1);` prefix), or null. */
export function parseCanvasJson(text) {
  try {
    return JSON.parse(String(text ?? '').replace(/^while\(1\);/, ''));
  } catch {
    return null;
  }
}

/** GET a JSON URL the way Canvas's jQuery code does; resolves { status, json, link }. */
export async function getCanvasJson(url) {
  const { status, text, link } = await canvasXhr({ method: 'GET', url, headers: { Accept: JSON_ACCEPT } });
  return { status, json: isSuccess(status) ? parseCanvasJson(text) : null, link };
}
