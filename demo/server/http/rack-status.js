// Rack::Utils::SYMBOL_TO_STATUS_CODE names (Rack 2.2, which Canvas runs), used in the
// `{"status": "<name>", "message": ...}` envelope of RequestError and in generic errors'
// error_code.
const NAMES = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  500: 'internal_server_error',
  501: 'not_implemented',
  502: 'bad_gateway',
  503: 'service_unavailable',
  504: 'gateway_timeout',
};

export function rackStatusName(code) {
  return NAMES[code] ?? 'internal_server_error';
}
