import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { MANDATE_EVENT_TYPES, MandateEvent } from '../domain/mandate.events';
import { MandateRecord } from '../persistence/mandate.entity';

export type MandateRow = Omit<MandateRecord, 'tenantId'>;

export const MANDATES_PROJECTION = 'mandates';

export function evolveMandateRow(
  row: MandateRow | undefined,
  event: RecordedEvent<MandateEvent>,
): MandateRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'MandateGranted': {
      const { mandateId, signedBy, ...data } = event.data;
      return {
        id: mandateId,
        ...data,
        signedByName: signedBy.name,
        signedByFunction: signedBy.function,
        revoked: false,
        revokedReason: null,
        revokedBy: null,
        createdAt: event.recordedAt,
        ...stamp,
      };
    }
    case 'MandateValidityChanged':
      return row && { ...row, validFrom: event.data.validFrom, validUntil: event.data.validUntil, ...stamp };
    case 'MandateScopeChanged':
      return row && { ...row, scope: event.data.scope, ...stamp };
    case 'MandateDocumentChanged':
      return row && { ...row, documentRef: event.data.documentRef, ...stamp };
    case 'MandateRevoked':
      return (
        row && {
          ...row,
          revoked: true,
          revokedReason: event.data.reason,
          revokedBy: event.metadata.actorId ?? null,
          ...stamp,
        }
      );
  }
}

@Injectable()
@ProjectionDefinition()
export class MandatesProjection extends rowProjection<MandateRow, MandateEvent>({
  name: MANDATES_PROJECTION,
  table: 'mandates',
  handles: MANDATE_EVENT_TYPES,
  columns: {
    id: 'uuid',
    organisationId: 'uuid',
    holderUserId: 'uuid',
    scope: 'jsonb',
    validFrom: 'date',
    validUntil: 'date',
    signedByName: 'text',
    signedByFunction: 'text',
    documentRef: 'text',
    revoked: 'bool',
    revokedReason: 'text',
    revokedBy: 'uuid',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.mandateId],
  version: 'version',
  evolve: evolveMandateRow,
  // The signer's name is the holder's personal data, a revocation's reason its author's.
  personalText: [
    { text: 'signedByName', owner: 'holderUserId' },
    { text: 'revokedReason', owner: 'revokedBy' },
  ],
}) {}
