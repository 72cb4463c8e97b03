import { Decider } from '@rl/kernel';
import { CollectionErrors } from './collection.errors';
import {
  CONNECTION_EVENT_TYPES,
  ConnectionEvent,
  ConnectionKind,
  ConnectionTarget,
} from './connection.events';

export type ConnectionState =
  { exists: false } | { exists: true; connectionId: string; kind: ConnectionKind; active: boolean };

export type ConnectionCommand =
  | ({
      type: 'Connect';
      connectionId: string;
      kind: ConnectionKind;
      serverUrl: string;
      formId: string;
      label?: string;
      scheduled: boolean;
    } & ConnectionTarget)
  | { type: 'Disconnect' };

const invalid = (field: string, message: string) =>
  CollectionErrors.INVALID({
    message: `Invalid connection: ${field} ${message}`,
    errors: [{ field, message }],
  });

// ODK Central names a form by project number and xmlFormId; Kobo an asset by its uid.
const FORM_IDS: Record<ConnectionKind, { pattern: RegExp; rule: string }> = {
  'odk-central': {
    pattern: /^\d{1,9}\/[A-Za-z_][A-Za-z0-9_.-]{0,99}$/,
    rule: 'must be projectId/xmlFormId, e.g. 7/household_survey',
  },
  kobo: { pattern: /^[A-Za-z0-9]{8,40}$/, rule: 'must be a KoboToolbox asset uid (8-40 letters or digits)' },
};

function label(raw: string | undefined): string | null {
  const text = raw?.trim().replace(/\s+/g, ' ') ?? '';
  if (text.length > 200) throw invalid('label', 'must be at most 200 characters');
  return text === '' ? null : text;
}

function decide(command: ConnectionCommand, state: ConnectionState): ConnectionEvent[] {
  switch (command.type) {
    case 'Connect': {
      if (state.exists) throw CollectionErrors.ALREADY_EXISTS();
      const { type: _, formId, label: raw, ...rest } = command;
      const rule = FORM_IDS[command.kind];
      if (!rule.pattern.test(formId)) throw invalid('formId', rule.rule);
      return [{ type: 'CollectionConnected', data: { ...rest, formId, label: label(raw) } }];
    }
    case 'Disconnect':
      if (!state.exists) throw CollectionErrors.NOT_FOUND();
      if (!state.active) return [];
      return [{ type: 'CollectionDisconnected', data: { connectionId: state.connectionId } }];
  }
}

function evolve(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case 'CollectionConnected': {
      const { connectionId, kind } = event.data;
      return { exists: true, connectionId, kind, active: true };
    }
    case 'CollectionDisconnected':
      return state.exists ? { ...state, active: false } : state;
  }
}

export const connectionDecider: Decider<ConnectionState, ConnectionCommand, ConnectionEvent> = {
  initialState: () => ({ exists: false }),
  decide,
  evolve,
  eventTypes: CONNECTION_EVENT_TYPES,
};
