import { DeciderSpecification } from '@rl/kernel/testing';
import { MANDATE_LIMITS } from './mandate-limits';
import { mandateDecider } from './mandate.decider';
import { granted, MANDATE_IDS as ids } from './testing/mandate-factories';

const spec = DeciderSpecification.for(mandateDecider);
const grant = {
  type: 'GrantMandate' as const,
  mandateId: ids.mandate,
  organisationId: ids.organisation,
  holderUserId: ids.holder,
  scope: { indicators: [ids.indicator, ids.indicator] },
  validFrom: '2025-01-01',
  validUntil: '2025-12-31',
  signedBy: { name: ' An Peeters ', function: 'Director' },
  documentRef: 'Board decision 2025/14 (illustrative)',
};
const amend = (changes: object, organisationId: string = ids.organisation) => ({
  type: 'AmendMandate' as const,
  organisationId,
  ...changes,
});
const fieldsOf = (error: { errors?: { field: string }[] }) => error.errors?.map((e) => e.field);

describe('mandate decider', () => {
  it('grants a mandate with its scope listed once and the signer trimmed', () => {
    spec.given([]).when(grant).then([granted()]);
  });

  it('grants an open-ended mandate without a document reference', () => {
    spec
      .given([])
      .when({ ...grant, validUntil: undefined, documentRef: undefined, scope: { all: true } })
      .then([
        granted({ validUntil: null, documentRef: null, scope: { all: true, indicators: [], tasks: [] } }),
      ]);
  });

  it('refuses to grant the same mandate twice', () => {
    spec.given([granted()]).when(grant).thenThrows('MANDATE.ALREADY_EXISTS');
  });

  it('refuses a validUntil that is not after validFrom, naming it', () => {
    spec
      .given([])
      .when({ ...grant, validUntil: '2025-01-01' })
      .thenThrows('MANDATE.INVALID_PERIOD', (e) => expect(fieldsOf(e)).toEqual(['validUntil']));
  });

  it('refuses a day that is not in the calendar, naming the field', () => {
    spec
      .given([])
      .when({ ...grant, validFrom: '2025-02-30' })
      .thenThrows('MANDATE.INVALID_DATE', (e) => expect(fieldsOf(e)).toEqual(['validFrom']));
  });

  it('refuses a scope that covers nothing', () => {
    spec
      .given([])
      .when({ ...grant, scope: { all: false, indicators: [] } })
      .thenThrows('MANDATE.EMPTY_SCOPE', (e) => expect(fieldsOf(e)).toEqual(['scope']));
  });

  it('refuses texts and scopes beyond the limits, naming the field', () => {
    spec
      .given([])
      .when({ ...grant, signedBy: { name: 'x'.repeat(MANDATE_LIMITS.signerName + 1), function: 'D' } })
      .thenThrows('MANDATE.TOO_LARGE', (e) => expect(fieldsOf(e)).toEqual(['signedBy.name']));
    const many = Array.from({ length: MANDATE_LIMITS.scopeIds + 1 }, (_, i) => `id-${i}`);
    spec
      .given([])
      .when({ ...grant, scope: { tasks: many } })
      .thenThrows('MANDATE.TOO_LARGE', (e) => expect(fieldsOf(e)).toEqual(['scope.tasks']));
  });

  it('extends, rescopes and re-documents, one event per changed field', () => {
    spec
      .given([granted()])
      .when(amend({ validUntil: '2026-06-30', scope: { all: true }, documentRef: null }))
      .then([
        {
          type: 'MandateValidityChanged',
          data: { mandateId: ids.mandate, validFrom: '2025-01-01', validUntil: '2026-06-30' },
        },
        {
          type: 'MandateScopeChanged',
          data: { mandateId: ids.mandate, scope: { all: true, indicators: [], tasks: [] } },
        },
        { type: 'MandateDocumentChanged', data: { mandateId: ids.mandate, documentRef: null } },
      ]);
  });

  it('records nothing when the amendment repeats what holds', () => {
    spec
      .given([granted()])
      .when(amend({ validUntil: '2025-12-31', scope: { indicators: [ids.indicator] } }))
      .thenNothingHappens();
  });

  it('checks the period an amendment leaves', () => {
    spec
      .given([granted()])
      .when(amend({ validFrom: '2026-01-01' }))
      .thenThrows('MANDATE.INVALID_PERIOD');
  });

  it('refuses an amendment that names nothing', () => {
    spec.given([granted()]).when(amend({})).thenThrows('MANDATE.NOTHING_TO_CHANGE');
  });

  it("does not find a mandate through another organisation's routes", () => {
    spec
      .given([granted()])
      .when(amend({ validUntil: null }, ids.otherOrganisation))
      .thenThrows('MANDATE.NOT_FOUND');
    spec
      .given([])
      .when({ type: 'RevokeMandate', organisationId: ids.organisation, reason: 'x' })
      .thenThrows('MANDATE.NOT_FOUND');
  });

  it('revokes with a reason, after which the mandate changes no more', () => {
    const revoked = { type: 'MandateRevoked' as const, data: { mandateId: ids.mandate, reason: 'Left' } };
    spec
      .given([granted()])
      .when({ type: 'RevokeMandate', organisationId: ids.organisation, reason: 'Left' })
      .then([revoked]);
    spec
      .given([granted(), revoked])
      .when(amend({ validUntil: null }))
      .thenThrows('MANDATE.REVOKED');
  });

  it('evolves to the latest validity, scope and document, and the revocation', () => {
    const state = spec
      .given([
        granted(),
        {
          type: 'MandateValidityChanged',
          data: { mandateId: ids.mandate, validFrom: '2025-02-01', validUntil: null },
        },
        { type: 'MandateDocumentChanged', data: { mandateId: ids.mandate, documentRef: 'D-2' } },
        { type: 'MandateRevoked', data: { mandateId: ids.mandate, reason: 'Left' } },
      ])
      .state();
    expect(state).toMatchObject({
      exists: true,
      validFrom: '2025-02-01',
      validUntil: null,
      documentRef: 'D-2',
      revokedReason: 'Left',
    });
  });
});
