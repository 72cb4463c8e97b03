import { signTemplateMeta, TemplateMeta, verifyTemplateMeta } from './template-meta';

const META: TemplateMeta = {
  sheet: 'ND-1 2024',
  cityId: '01a00000-0000-7000-8000-000000000001',
  assignmentId: '01a00000-0000-7000-8000-000000000002',
  indicatorId: '01a00000-0000-7000-8000-000000000003',
  definitionVersion: 3,
  periodId: '01a00000-0000-7000-8000-000000000004',
  templateVersion: 1,
};
const KEY = 'k'.repeat(40);

describe('template metadata signature', () => {
  it('verifies what it signed, with the same key only', () => {
    const signature = signTemplateMeta(META, KEY);
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyTemplateMeta(META, signature, KEY)).toBe(true);
    expect(verifyTemplateMeta(META, signature, 'x'.repeat(40))).toBe(false);
  });

  it('fails for any changed field and for a malformed signature', () => {
    const signature = signTemplateMeta(META, KEY);
    expect(verifyTemplateMeta({ ...META, definitionVersion: 4 }, signature, KEY)).toBe(false);
    expect(verifyTemplateMeta({ ...META, cityId: META.periodId }, signature, KEY)).toBe(false);
    expect(verifyTemplateMeta({ ...META, sheet: 'other' }, signature, KEY)).toBe(false);
    expect(verifyTemplateMeta(META, signature.toUpperCase(), KEY)).toBe(false);
    expect(verifyTemplateMeta(META, '', KEY)).toBe(false);
  });
});
