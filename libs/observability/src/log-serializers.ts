// Query strings carry secrets (calendar feed tokens, and whatever a client puts there): a logged URL keeps
// the parameter names and never a value.
export function redactedUrl(raw: string): string {
  // A collection connection's push URL carries its secret in the path.
  const url = raw.replace(/^(\/v1\/collection-push\/)[^/?#]+/, '$1[Redacted]');
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=[Redacted]`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

interface LoggedRequest {
  url?: string;
  query?: unknown;
  params?: unknown;
}

export function safeRequest<R extends LoggedRequest>(req: R): R {
  if (typeof req.url === 'string') req.url = redactedUrl(req.url);
  if (req.query && typeof req.query === 'object') {
    req.query = Object.fromEntries(Object.keys(req.query).map((name) => [name, '[Redacted]']));
  }
  // Route parameters named token are secrets (a collection push URL's).
  if (isRecord(req.params) && 'token' in req.params) req.params = { ...req.params, token: '[Redacted]' };
  return req;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

// SQL errors carry their bound values (`parameters`) and the row's values in the driver's `detail`
// (TypeORM copies it onto its own error too): keep what locates the failure, drop the data.
export function safeError(err: Record<string, unknown>): Record<string, unknown> {
  const { parameters: _parameters, detail: _detail, driverError, ...rest } = err;
  if (isRecord(driverError)) {
    const { code, constraint, table, column, routine } = driverError;
    return { ...rest, driverError: { code, constraint, table, column, routine } };
  }
  return rest;
}
