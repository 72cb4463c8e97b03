import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { RESOURCE_EVENT_TYPES, ResourceEvent } from '../domain/resource.events';
import { ResourceRecord } from '../persistence/resource.entity';

export type ResourceRow = Omit<ResourceRecord, 'tenantId'>;

export const RESOURCES_PROJECTION = 'resources';

export function evolveResourceRow(
  row: ResourceRow | undefined,
  event: RecordedEvent<ResourceEvent>,
): ResourceRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'ResourceOffered': {
      const { resourceId, ...fields } = event.data;
      return { id: resourceId, ...fields, status: 'offered', createdAt: event.recordedAt, ...stamp };
    }
    case 'ResourceRevised':
      return row && { ...row, ...event.data.changes, ...stamp };
    case 'ResourceWithdrawn':
      return row && { ...row, status: 'withdrawn', ...stamp };
  }
}

@Injectable()
@ProjectionDefinition()
export class ResourcesProjection extends rowProjection<ResourceRow, ResourceEvent>({
  name: RESOURCES_PROJECTION,
  table: 'resources',
  handles: RESOURCE_EVENT_TYPES,
  columns: {
    id: 'uuid',
    kind: 'text',
    title: 'text',
    description: 'text',
    offeredBy: 'uuid',
    availability: 'jsonb',
    amount: 'jsonb',
    contactRole: 'text',
    links: 'jsonb',
    status: 'text',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.resourceId],
  version: 'version',
  evolve: evolveResourceRow,
}) {}
