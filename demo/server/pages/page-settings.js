// What the HTML pages take from outside the database: the school's Theme Editor JavaScript
// (Canvas's brand config `js_overrides`), and how often the emulated quiz log auditing client
// delivers (Canvas: every 15 s; tests shorten it). Both come from createApp options and can be
// changed at runtime through /__control/theme and /__control/qla.

export const DEFAULT_QLA_DELIVERY_MS = 15_000;

const isThemeUrl = (value) => typeof value === 'string' && value !== '';
const isDeliveryMs = (value) => Number.isInteger(value) && value > 0;

/**
 * options: `themeJsUrl` (a URL string, or `(request) => string | null`, e.g. to answer with the
 * host name the browser used), `qlaDeliveryMs` (15000), `javascriptCsp` (false: Canvas's
 * `javascript_csp` account feature, which sends `Content-Security-Policy: frame-src 'self' blob:`).
 */
export function createPageSettings({
  themeJsUrl = null,
  qlaDeliveryMs = DEFAULT_QLA_DELIVERY_MS,
  javascriptCsp = false,
} = {}) {
  if (themeJsUrl !== null && typeof themeJsUrl !== 'function' && !isThemeUrl(themeJsUrl)) {
    throw new TypeError('themeJsUrl must be a URL string, a function of the request, or null');
  }
  if (!isDeliveryMs(qlaDeliveryMs)) throw new TypeError('qlaDeliveryMs must be a positive integer');
  // undefined: no runtime override, the option decides; null: no theme file at all.
  let themeOverride;
  let deliveryOverride;
  return {
    javascriptCsp: javascriptCsp === true,
    /** The theme file's URL for this request, or null when the brand config has none. */
    themeJsUrl(request) {
      const value =
        themeOverride !== undefined
          ? themeOverride
          : typeof themeJsUrl === 'function'
            ? themeJsUrl(request)
            : themeJsUrl;
      return isThemeUrl(value) ? value : null;
    },
    get themeOverridden() {
      return themeOverride !== undefined;
    },
    /** A URL, null (no theme file), or undefined (back to the option). */
    setThemeJsUrl(url) {
      if (url !== undefined && url !== null && !isThemeUrl(url)) {
        throw new TypeError('url must be a non-empty string or null');
      }
      themeOverride = url;
    },
    get qlaDeliveryMs() {
      return deliveryOverride ?? qlaDeliveryMs;
    },
    /** A positive integer, or undefined (back to the option). */
    setQlaDeliveryMs(ms) {
      if (ms !== undefined && !isDeliveryMs(ms))
        throw new TypeError('qlaDeliveryMs must be a positive integer');
      deliveryOverride = ms;
    },
  };
}
