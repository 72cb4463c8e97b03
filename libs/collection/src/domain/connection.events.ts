export const CONNECTION_KINDS = ['odk-central', 'kobo'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

// Where a connection's answers go: an assignment fixes indicator, organisation and period; a connection
// to an indicator alone takes the organisation and period from each answer's hidden fields.
export interface ConnectionTarget {
  assignmentId: string | null;
  indicatorId: string;
  organisationId: string | null;
  periodId: string | null;
}

// Credentials are never part of an event: they live encrypted in collection_connection_secrets.
export type ConnectionEvent =
  | {
      type: 'CollectionConnected';
      data: {
        connectionId: string;
        kind: ConnectionKind;
        serverUrl: string;
        formId: string;
        label: string | null;
        scheduled: boolean;
      } & ConnectionTarget;
    }
  | { type: 'CollectionDisconnected'; data: { connectionId: string } };

export const CONNECTION_EVENT_TYPES: readonly ConnectionEvent['type'][] = [
  'CollectionConnected',
  'CollectionDisconnected',
];

export const connectionStream = (connectionId: string) => `collection-connection-${connectionId}`;
