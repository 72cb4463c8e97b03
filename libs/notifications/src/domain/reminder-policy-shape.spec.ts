import { canonicalPolicy, samePolicy } from './reminder-policy-shape';

describe('reminder policy shape', () => {
  it('spells a policy one way: fixed key order, at only when given, escalate only when true', () => {
    const stored = {
      quietHours: { end: '07:00', start: '21:00' },
      offsets: [
        { escalate: false, offset: '-P3D' },
        { at: '09:00', offset: 'P0D' },
        { escalate: true, offset: 'P1D' },
      ],
    };
    expect(JSON.stringify(canonicalPolicy(stored))).toBe(
      JSON.stringify({
        offsets: [{ offset: '-P3D' }, { offset: 'P0D', at: '09:00' }, { offset: 'P1D', escalate: true }],
        quietHours: { start: '21:00', end: '07:00' },
      }),
    );
    expect(samePolicy(stored, canonicalPolicy(stored))).toBe(true);
    expect(samePolicy(stored, { ...stored, quietHours: null })).toBe(false);
  });
});
