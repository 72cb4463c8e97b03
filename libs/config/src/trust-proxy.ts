import { ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { isIP } from 'node:net';

// Express's `trust proxy`: false (believe no X-Forwarded-For), a hop count, or the proxies' addresses.
export type TrustProxy = false | number | string[];

const NAMED = ['loopback', 'linklocal', 'uniquelocal'];

const isAddressOrCidr = (item: string) => {
  const [address, prefix, ...rest] = item.split('/');
  if (rest.length > 0 || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (isIP(address) === 4 ? 32 : 128);
};

// `true` is refused on purpose: it believes whatever X-Forwarded-For a client sends. null = invalid.
export function parseTrustProxy(value: string | undefined): TrustProxy | null {
  const text = (value ?? '').trim().toLowerCase();
  if (text === '' || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text) === 0 ? false : Number(text);
  const items = text.split(',').map((item) => item.trim());
  return items.every((item) => NAMED.includes(item) || isAddressOrCidr(item)) ? items : null;
}

@ValidatorConstraint({ name: 'trustProxy' })
export class IsTrustProxy implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseTrustProxy(value) !== null;
  }

  defaultMessage(): string {
    return `must be false, a hop count, or a comma-separated list of proxy addresses, CIDRs or ${NAMED.join(', ')}`;
  }
}
