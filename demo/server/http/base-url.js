/** The absolute origin the client used (Canvas builds html_url, result_url and Link from it). */
export function baseUrl(request) {
  const host = request.headers.host ?? `localhost`;
  return `${request.protocol}://${host}`;
}
