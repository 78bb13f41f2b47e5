import qs from 'qs';
import { rubyInteger, rubyToI } from '../lib/ruby.js';
import { notFound } from './canvas-errors.js';
import { queryParameters, railsParams } from './rails-params.js';

// Api.paginate (lib/api.rb) for ordinal collections:
//  - per_page: the param's to_i clamped to 1..100 (MAX_PER_PAGE), default 10;
//  - page: absent = 1; must be an Integer() >= 1 (else Folio::InvalidPage, which Rails maps to
//    404); pages past the end are [] (kept for backwards compatibility);
//  - Link: <url?<query>&page=N&per_page=M>; rel="current|next|prev|first|last", joined by ",",
//    where <query> is the request's query string minus page, per_page, access_token and api_key,
//    re-serialized with Rails' to_query (sorted pairs, brackets escaped: include%5B%5D=x);
//  - the header is kept under ~6 KB by dropping links in the order first, current, prev, last.
export const PER_PAGE = 10;
export const MAX_PER_PAGE = 100;
const EXCLUDED = ['page', 'per_page', 'access_token', 'api_key'];
const LINK_ORDER = ['current', 'next', 'prev', 'first', 'last'];
const DROP_ORDER = ['first', 'current', 'prev', 'last'];
const LINK_HEADER_BUDGET = 6 * 1024;

function toQuery(params) {
  const kept = Object.fromEntries(Object.entries(params).filter(([key]) => !EXCLUDED.includes(key)));
  const text = qs.stringify(kept, { arrayFormat: 'brackets', format: 'RFC1738' });
  return text === '' ? '' : text.split('&').sort().join('&');
}

/**
 * Paginates `load(limit, offset) -> {total, rows}`; sets the Link header on `reply` and returns
 * the rows of the requested page. `routeUrl` is the absolute URL of the collection.
 */
export function paginate(request, reply, routeUrl, load) {
  const params = railsParams(request);
  const perPage = Math.min(
    Math.max(params.per_page == null ? PER_PAGE : rubyToI(params.per_page), 1),
    MAX_PER_PAGE,
  );
  let page = 1;
  if (params.page != null) {
    const parsed = rubyInteger(params.page);
    if (parsed === null || parsed < 1n) throw notFound();
    page = Number(parsed);
  }
  const { total, rows } = load(perPage, (page - 1) * perPage);
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const pages = { current: page, first: 1 };
  if (page > 1) pages.prev = page - 1;
  if (page < lastPage) pages.next = page + 1;
  if (page <= lastPage) pages.last = lastPage;

  const query = toQuery(queryParameters(request));
  const prefix = `${routeUrl}${routeUrl.includes('?') ? '&' : '?'}${query ? `${query}&` : ''}`;
  const links = Object.fromEntries(
    LINK_ORDER.filter((rel) => pages[rel] !== undefined).map((rel) => [
      rel,
      `<${prefix}page=${pages[rel]}&per_page=${perPage}>; rel="${rel}"`,
    ]),
  );
  const header = () =>
    LINK_ORDER.filter((rel) => links[rel])
      .map((rel) => links[rel])
      .join(',');
  for (const rel of DROP_ORDER) {
    if (header().length <= LINK_HEADER_BUDGET) break;
    delete links[rel];
  }
  reply.header('Link', header());
  return rows;
}
