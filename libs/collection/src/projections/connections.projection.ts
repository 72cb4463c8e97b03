import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { CONNECTION_EVENT_TYPES, ConnectionEvent } from '../domain/connection.events';
import { ConnectionRow } from '../persistence/collection.store';

export const CONNECTIONS_PROJECTION = 'collection-connections';

export function evolveConnectionRow(
  row: ConnectionRow | undefined,
  event: RecordedEvent<ConnectionEvent>,
): ConnectionRow | undefined {
  const stamp = { version: event.version, updatedAt: event.recordedAt };
  switch (event.type) {
    case 'CollectionConnected': {
      const { connectionId, ...rest } = event.data;
      const createdBy = event.metadata.actorId ?? '';
      return {
        id: connectionId,
        ...rest,
        status: 'active',
        createdBy,
        createdAt: event.recordedAt,
        ...stamp,
      };
    }
    case 'CollectionDisconnected':
      return row && { ...row, status: 'disconnected', ...stamp };
  }
}

@Injectable()
@ProjectionDefinition()
export class ConnectionsProjection extends rowProjection<ConnectionRow, ConnectionEvent>({
  name: CONNECTIONS_PROJECTION,
  table: 'collection_connections',
  handles: CONNECTION_EVENT_TYPES,
  columns: {
    id: 'uuid',
    kind: 'text',
    serverUrl: 'text',
    formId: 'text',
    label: 'text',
    assignmentId: 'uuid',
    indicatorId: 'uuid',
    organisationId: 'uuid',
    periodId: 'uuid',
    scheduled: 'bool',
    status: 'text',
    createdBy: 'uuid',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.connectionId],
  version: 'version',
  evolve: evolveConnectionRow,
}) {}
