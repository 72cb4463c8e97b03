import { RecordedEvent } from '@rl/event-store';
import { asCityId } from '@rl/kernel';
import { ConnectionEvent } from '../domain/connection.events';
import { evolveConnectionRow } from './connections.projection';

const connectionId = '0192f0aa-0000-7000-8000-0000000000c9';
const at = (version: number, event: ConnectionEvent): RecordedEvent<ConnectionEvent> =>
  ({
    ...event,
    cityId: asCityId('0192f0aa-0000-7000-8000-0000000000c1'),
    version,
    recordedAt: new Date(`2026-01-0${version}T10:00:00Z`),
    metadata: { actorId: 'coordinator-1', actorRole: 'coordinator' },
  }) as RecordedEvent<ConnectionEvent>;
const connected = at(1, {
  type: 'CollectionConnected',
  data: {
    connectionId,
    kind: 'kobo',
    serverUrl: 'https://kf.example.org',
    formId: 'aX7kP2mQ9rT4',
    label: null,
    scheduled: true,
    assignmentId: null,
    indicatorId: '0192f0aa-0000-7000-8000-0000000000b1',
    organisationId: null,
    periodId: null,
  },
});

describe('connections projection', () => {
  it('lists a connection as active, made by whoever connected it, then disconnected', () => {
    const row = evolveConnectionRow(undefined, connected);
    expect(row).toMatchObject({ id: connectionId, status: 'active', createdBy: 'coordinator-1', version: 1 });
    const disconnected = evolveConnectionRow(
      row,
      at(2, { type: 'CollectionDisconnected', data: { connectionId } }),
    );
    expect(disconnected).toMatchObject({ status: 'disconnected', version: 2, createdAt: row?.createdAt });
  });

  it('ignores a disconnection of a connection it never saw', () => {
    expect(
      evolveConnectionRow(undefined, at(2, { type: 'CollectionDisconnected', data: { connectionId } })),
    ).toBeUndefined();
  });
});
