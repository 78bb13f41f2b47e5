// Not shipped: scripts/size-floors.js builds the page IIFE with this in place of ky, to measure what
// ky costs the page. It covers only the two calls the page makes (`http(url, { method, json })` and
// `http.post(url, { body, headers })`) with the instance's timeout, headers, credentials and
// beforeRequest hooks; none of ky's other handling.
export default {
  create(defaults) {
    const call = (url, { json, method = 'GET', headers, ...rest } = {}) => {
      const merged = new Headers(defaults.headers);
      new Headers(headers).forEach((value, name) => merged.set(name, value));
      if (json !== undefined) {
        merged.set('content-type', 'application/json');
        rest.body = JSON.stringify(json);
      }
      const request = new Request(url, {
        ...rest,
        method,
        headers: merged,
        credentials: defaults.credentials,
        signal: AbortSignal.timeout(defaults.timeout),
      });
      for (const hook of defaults.hooks.beforeRequest) hook(request);
      return fetch(request);
    };
    call.post = (url, options) => call(url, { ...options, method: 'POST' });
    return call;
  },
};
