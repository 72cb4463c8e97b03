import { DeciderSpecification } from '@rl/kernel/testing';
import { ConnectionCommand, connectionDecider } from './connection.decider';
import { ConnectionEvent } from './connection.events';

const connectionId = '0192f0aa-0000-7000-8000-0000000000c9';
const target = {
  assignmentId: '0192f0aa-0000-7000-8000-0000000000a1',
  indicatorId: '0192f0aa-0000-7000-8000-0000000000b1',
  organisationId: '0192f0aa-0000-7000-8000-0000000000d1',
  periodId: '0192f0aa-0000-7000-8000-0000000000e1',
};
const connect = (
  overrides: Partial<Extract<ConnectionCommand, { type: 'Connect' }>> = {},
): ConnectionCommand => ({
  type: 'Connect',
  connectionId,
  kind: 'odk-central',
  serverUrl: 'https://central.example.org',
  formId: '7/shelter_counts',
  label: '  Shelter   counts ',
  scheduled: true,
  ...target,
  ...overrides,
});
const connected: ConnectionEvent = {
  type: 'CollectionConnected',
  data: {
    connectionId,
    kind: 'odk-central',
    serverUrl: 'https://central.example.org',
    formId: '7/shelter_counts',
    label: 'Shelter counts',
    scheduled: true,
    ...target,
  },
};
const spec = DeciderSpecification.for(connectionDecider);

describe('collection connection decider', () => {
  it('connects with a folded label and never an event field for credentials', () => {
    spec.given([]).when(connect()).then([connected]);
  });

  it("refuses a form id that is not the platform's, naming formId", () => {
    for (const [kind, formId] of [
      ['odk-central', 'shelter_counts'],
      ['kobo', '7/shelter_counts'],
    ] as const) {
      expect(() => connectionDecider.decide(connect({ kind, formId }), { exists: false })).toThrow(
        expect.objectContaining({
          code: 'COLLECTION.INVALID',
          errors: [expect.objectContaining({ field: 'formId' })],
        }),
      );
    }
  });

  it('refuses to connect twice and disconnects once', () => {
    spec.given([connected]).when(connect()).thenThrows('COLLECTION.ALREADY_EXISTS');
    const disconnected: ConnectionEvent = { type: 'CollectionDisconnected', data: { connectionId } };
    spec.given([connected]).when({ type: 'Disconnect' }).then([disconnected]);
    spec.given([connected, disconnected]).when({ type: 'Disconnect' }).then([]);
    spec.given([]).when({ type: 'Disconnect' }).thenThrows('COLLECTION.NOT_FOUND');
  });
});
