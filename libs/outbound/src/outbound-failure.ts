// Why an outbound request got no usable answer, as a category: stored and shown instead of the
// low-level message or a response body, which would tell a caller what lives behind an address.
export const OUTBOUND_FAILURES = [
  'blocked_address', // refused by the guard: internal, private or metadata address
  'invalid_url', // not a URL the client calls: scheme (https only in production) or credentials
  'dns', // the host does not resolve
  'refused', // connection refused
  'unreachable', // no route to the host or network
  'timeout', // connect, headers, body or overall deadline
  'tls', // handshake or certificate failure
  'reset', // the connection closed or reset mid-exchange
  'network', // any other failure
] as const;
export type OutboundFailure = (typeof OUTBOUND_FAILURES)[number];

// Thrown inside the connect path so that undici aborts the request with a known category.
export class OutboundRefusedError extends Error {
  constructor(readonly failure: 'blocked_address' | 'invalid_url') {
    super(`Outbound request refused: ${failure}`);
    this.name = 'OutboundRefusedError';
  }
}

const CODES: Record<string, OutboundFailure> = {
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NODATA: 'dns',
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
};

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  cause?: ErrorLike;
  errors?: ErrorLike[]; // AggregateError: every address of a name failed to connect
}
const isObject = (value: unknown): value is ErrorLike => typeof value === 'object' && value !== null;

// The category of an error thrown by the client; follows `cause` (undici and node wrap errors).
// Duck-typed: errors of node's own modules may come from another realm (jest's sandbox).
export function categorise(error: unknown): OutboundFailure {
  let e = error as ErrorLike | undefined;
  for (let depth = 0; isObject(e) && depth < 5; e = e.cause ?? e.errors?.[0], depth++) {
    if (e instanceof OutboundRefusedError) return e.failure;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
    const code = typeof e.code === 'string' ? e.code : '';
    if (Object.hasOwn(CODES, code)) return CODES[code];
    if (/^(ERR_TLS|ERR_SSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|HOSTNAME_MISMATCH)/.test(code))
      return 'tls';
  }
  return 'network';
}
