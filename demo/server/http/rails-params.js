import { deepMunge } from './deep-munge.js';
import { parseNestedQuery } from './rack-nested-params.js';

/** The raw query string of the request URL ('' when none). */
export function rawQueryString(request) {
  const url = request.raw.url ?? '';
  const index = url.indexOf('?');
  return index === -1 ? '' : url.slice(index + 1);
}

/** Rails' `request.query_parameters`, parsed the Rack way (memoized). */
export function queryParameters(request) {
  request.canvasQuery ??= deepMunge(parseNestedQuery(rawQueryString(request)));
  return request.canvasQuery;
}

/**
 * Rails' `params`: `request_parameters.merge(query_parameters).merge(path_parameters)` — a
 * shallow merge where the query string beats the body and route segments beat both.
 */
export function railsParams(request) {
  if (request.canvasParams) return request.canvasParams;
  const body =
    request.body !== null && typeof request.body === 'object' && !Array.isArray(request.body)
      ? request.body
      : {};
  const params = Object.assign(Object.create(null), body, queryParameters(request), request.params ?? {});
  request.canvasParams = params;
  return params;
}
