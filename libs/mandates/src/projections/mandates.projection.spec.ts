import { recorded, rowAfter } from '@rl/projections/testing';
import { MandateEvent } from '../domain/mandate.events';
import { granted, MANDATE_IDS as ids } from '../domain/testing/mandate-factories';
import { evolveMandateRow, MandatesProjection } from './mandates.projection';

const coordinator = '0192f0aa-0000-7000-8000-00000000a001';
const grantedAt = recorded<MandateEvent>(granted());
const extended = recorded<MandateEvent>(
  {
    type: 'MandateValidityChanged',
    data: { mandateId: ids.mandate, validFrom: '2025-01-01', validUntil: null },
  },
  { version: 2 },
);
const revoked = recorded<MandateEvent>(
  { type: 'MandateRevoked', data: { mandateId: ids.mandate, reason: 'Left' } },
  { version: 3, metadata: { actorId: coordinator } },
);

describe('mandates projection', () => {
  it('creates the row on the grant, the signer in two columns', () => {
    expect(evolveMandateRow(undefined, grantedAt)).toEqual({
      id: ids.mandate,
      organisationId: ids.organisation,
      holderUserId: ids.holder,
      scope: { all: false, indicators: [ids.indicator], tasks: [] },
      validFrom: '2025-01-01',
      validUntil: '2025-12-31',
      signedByName: 'An Peeters',
      signedByFunction: 'Director',
      documentRef: 'Board decision 2025/14 (illustrative)',
      revoked: false,
      revokedReason: null,
      revokedBy: null,
      version: 1,
      createdAt: grantedAt.recordedAt,
      updatedAt: grantedAt.recordedAt,
    });
  });

  it('extends and revokes, keeping who revoked it (the owner of the reason)', () => {
    expect(rowAfter(new MandatesProjection(), [grantedAt, extended, revoked])).toMatchObject({
      validUntil: null,
      revoked: true,
      revokedReason: 'Left',
      revokedBy: coordinator,
      version: 3,
      createdAt: grantedAt.recordedAt,
      updatedAt: revoked.recordedAt,
    });
  });

  it('skips an event the row already reflects', () => {
    const row = rowAfter(new MandatesProjection(), [grantedAt, extended]);
    expect(rowAfter(new MandatesProjection(), [extended], row)).toBe(row);
  });

  it('ignores a change to a mandate it never saw granted', () => {
    expect(evolveMandateRow(undefined, revoked)).toBeUndefined();
  });
});
