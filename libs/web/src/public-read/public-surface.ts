import { createHash } from 'node:crypto';
import { defineErrors } from '@rl/kernel';

// Where anonymous readers and other sites come in: the open data API, the public pages and the embeds.
// Matched as Express routes them (any case); everything else stays closed to other origins.
const PUBLIC_PATHS = [/^\/v1\/public(\/|$)/i, /^\/cities(\/|$)/i, /^\/embed(\/|$)/i];
export const isPublicPath = (path: string) => PUBLIC_PATHS.some((pattern) => pattern.test(path));

// The only methods other sites may use on them.
export const PUBLIC_METHODS = ['GET', 'HEAD'];

export const PublicReadErrors = defineErrors('PUBLIC', {
  TOO_MANY_REQUESTS: {
    kind: 'rate_limited',
    message: 'Too many requests from this address (see Retry-After)',
  },
});

// Where the read models an answer depends on stand: `key` names every position (it changes whenever one
// of them moves), `modifiedAt` is when the last of them moved (null: none has met the city yet).
export interface ReadStamp {
  key: string;
  modifiedAt: Date | null;
}

export const combineStamps = (stamps: readonly ReadStamp[]): ReadStamp => ({
  key: stamps.map((s) => s.key).join('|'),
  modifiedAt: stamps.reduce<Date | null>(
    (latest, { modifiedAt }) => (modifiedAt && (!latest || modifiedAt > latest) ? modifiedAt : latest),
    null,
  ),
});

// Weak: the same stamp gives an equivalent answer, not necessarily the same bytes (JSON key order,
// formatting). The URL with its query and the negotiated media type are part of it, so two routes or
// two representations never share a tag.
export function weakEtag(url: string, accept: string | undefined, stamp: ReadStamp): string {
  const hash = createHash('sha256')
    .update(`${url}\n${accept ?? ''}\n${stamp.key}`)
    .digest('base64url');
  return `W/"${hash.slice(0, 27)}"`;
}

export const licenceLink = (url: string) => `<${url}>; rel="license"`;
