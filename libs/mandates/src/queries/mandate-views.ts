import { MandateFields } from '../domain/mandate.decider';
import { dayIn, isExpiringSoon, isValidOn } from '../domain/mandate-validity';
import { MandateView } from '../mandate.view';
import { MandateRow } from '../projections/mandates.projection';

interface Stamps {
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

// A mandate as the API shows it, its validity read on the city's day at `at`.
export function toMandateView(mandate: MandateFields & Stamps, at: Date, timezone: string): MandateView {
  const today = dayIn(at, timezone);
  const validity = { ...mandate, revoked: mandate.revokedReason !== null };
  return {
    id: mandate.mandateId,
    organisationId: mandate.organisationId,
    holderUserId: mandate.holderUserId,
    scope: mandate.scope,
    validFrom: mandate.validFrom,
    validUntil: mandate.validUntil,
    signedBy: mandate.signedBy,
    documentRef: mandate.documentRef,
    status: validity.revoked ? 'revoked' : 'active',
    revokedReason: mandate.revokedReason,
    valid: isValidOn(validity, today),
    expiringSoon: isExpiringSoon(validity, today),
    version: mandate.version,
    createdAt: mandate.createdAt.toISOString(),
    updatedAt: mandate.updatedAt.toISOString(),
  };
}

// The read model's row in the decider's terms (a revoked row whose reason was erased stays revoked).
export const fieldsOfRow = (row: MandateRow): MandateFields & Stamps => ({
  mandateId: row.id,
  organisationId: row.organisationId,
  holderUserId: row.holderUserId,
  scope: row.scope,
  validFrom: row.validFrom,
  validUntil: row.validUntil,
  signedBy: { name: row.signedByName, function: row.signedByFunction },
  documentRef: row.documentRef,
  revokedReason: row.revoked ? (row.revokedReason ?? '') : null,
  version: row.version,
  createdAt: new Date(row.createdAt),
  updatedAt: new Date(row.updatedAt),
});
