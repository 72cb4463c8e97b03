import { createHmac, timingSafeEqual } from 'node:crypto';

// Bumped when the layout of a template sheet changes (an older one is refused as stale).
export const TEMPLATE_VERSION = 1;

// What one sheet of a template was made for; the metadata sheet holds one signed row per sheet.
export interface TemplateMeta {
  sheet: string;
  cityId: string;
  assignmentId: string;
  indicatorId: string;
  definitionVersion: number;
  periodId: string;
  templateVersion: number;
}

export const META_FIELDS = [
  'sheet',
  'cityId',
  'assignmentId',
  'indicatorId',
  'definitionVersion',
  'periodId',
  'templateVersion',
] as const satisfies readonly (keyof TemplateMeta)[];

// HMAC-SHA256 (hex) over one line per field, so no value can slide into another.
export function signTemplateMeta(meta: TemplateMeta, key: string): string {
  const lines = ['rights-ledger template v1', ...META_FIELDS.map((field) => `${field} ${meta[field]}`)];
  return createHmac('sha256', key).update(lines.join('\n')).digest('hex');
}

export function verifyTemplateMeta(meta: TemplateMeta, signature: string, key: string): boolean {
  const expected = Buffer.from(signTemplateMeta(meta, key), 'hex');
  const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, 'hex') : Buffer.alloc(0);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
