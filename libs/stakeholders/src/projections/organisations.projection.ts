import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { ORGANISATION_EVENT_TYPES, OrganisationEvent } from '../domain/organisation.events';
import { OrganisationRecord } from '../persistence/organisation.entity';

export type OrganisationRow = Omit<OrganisationRecord, 'tenantId'>;

export const ORGANISATIONS_PROJECTION = 'organisations';

export function evolveOrganisationRow(
  row: OrganisationRow | undefined,
  event: RecordedEvent<OrganisationEvent>,
): OrganisationRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'OrganisationRegistered': {
      const { organisationId, name, kind } = event.data;
      return { id: organisationId, name, kind, createdAt: event.recordedAt, ...stamp };
    }
    case 'OrganisationRenamed':
      return row && { ...row, name: event.data.name, ...stamp };
    case 'OrganisationReclassified':
      return row && { ...row, kind: event.data.kind, ...stamp };
  }
}

@Injectable()
@ProjectionDefinition()
export class OrganisationsProjection extends rowProjection<OrganisationRow, OrganisationEvent>({
  name: ORGANISATIONS_PROJECTION,
  table: 'organisations',
  handles: ORGANISATION_EVENT_TYPES,
  columns: {
    id: 'uuid',
    name: 'text',
    kind: 'organisation_kind',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.organisationId],
  version: 'version',
  evolve: evolveOrganisationRow,
}) {}
