import { isIP } from 'node:net';
import { OutboundRefusedError } from './outbound-failure';

export interface OutboundUrlRules {
  // Production: plain http would carry signed payloads in the clear.
  readonly httpsOnly: boolean;
}

// The URL as WHATWG parses it (the parser that undici uses too, so decimal, octal and hex IPv4 forms
// such as http://2130706433/ are already 127.0.0.1 here), with the host bare of IPv6 brackets.
export interface ParsedTarget {
  url: URL;
  host: string;
}

// Why the URL cannot be a target, or the parsed target. Addresses are judged separately.
export function parseTarget(raw: string, rules: OutboundUrlRules): ParsedTarget | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a valid URL';
  }
  if (url.protocol !== 'https:' && (rules.httpsOnly || url.protocol !== 'http:')) {
    return rules.httpsOnly ? 'must be an https URL' : 'must be an http or https URL';
  }
  if (url.username !== '' || url.password !== '') return 'must not contain credentials';
  return { url, host: bareHost(url.hostname) };
}

export const bareHost = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1');

export const isLiteralAddress = (host: string) => isIP(host) !== 0;

// For the client: a URL that is refused outright.
export function targetOrThrow(raw: string, rules: OutboundUrlRules): ParsedTarget {
  const target = parseTarget(raw, rules);
  if (typeof target === 'string') throw new OutboundRefusedError('invalid_url');
  return target;
}
