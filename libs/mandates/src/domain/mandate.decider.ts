import { Decider } from '@rl/kernel';
import { assertDates, assertScope, assertTexts, normaliseScope } from './mandate-limits';
import { MandateErrors } from './mandate.errors';
import { MANDATE_EVENT_TYPES, MandateEvent, MandateScope, MandateSigner } from './mandate.events';

export interface MandateFields {
  mandateId: string;
  organisationId: string;
  holderUserId: string;
  scope: MandateScope;
  validFrom: string;
  validUntil: string | null;
  signedBy: MandateSigner;
  documentRef: string | null;
  revokedReason: string | null;
}

export type MandateState = { exists: false } | ({ exists: true } & MandateFields);

export interface GrantMandate {
  type: 'GrantMandate';
  mandateId: string;
  organisationId: string;
  holderUserId: string;
  scope: Partial<MandateScope>;
  validFrom: string;
  validUntil?: string;
  signedBy: MandateSigner;
  documentRef?: string;
}

// Changes of a mandate of `organisationId` (the route's): each field given replaces the current one;
// validUntil null makes it open-ended, documentRef null removes the reference.
export interface AmendMandate {
  type: 'AmendMandate';
  organisationId: string;
  validFrom?: string;
  validUntil?: string | null;
  scope?: Partial<MandateScope>;
  documentRef?: string | null;
}

export type MandateCommand =
  GrantMandate | AmendMandate | { type: 'RevokeMandate'; organisationId: string; reason: string };

const initialState = (): MandateState => ({ exists: false });

const sameScope = (a: MandateScope, b: MandateScope) => JSON.stringify(a) === JSON.stringify(b);

// A mandate of another organisation is not found through this one's routes.
function current(state: MandateState, organisationId: string) {
  if (!state.exists || state.organisationId !== organisationId) throw MandateErrors.NOT_FOUND();
  if (state.revokedReason !== null) throw MandateErrors.REVOKED();
  return state;
}

function amend(command: AmendMandate, state: MandateState): MandateEvent[] {
  const { validFrom, validUntil, scope, documentRef } = command;
  if ([validFrom, validUntil, scope, documentRef].every((field) => field === undefined))
    throw MandateErrors.NOTHING_TO_CHANGE();
  const mandate = current(state, command.organisationId);
  const { mandateId } = mandate;
  const events: MandateEvent[] = [];
  const from = validFrom ?? mandate.validFrom;
  const until = validUntil === undefined ? mandate.validUntil : validUntil;
  if (from !== mandate.validFrom || until !== mandate.validUntil) {
    assertDates(from, until);
    events.push({ type: 'MandateValidityChanged', data: { mandateId, validFrom: from, validUntil: until } });
  }
  if (scope !== undefined) {
    const next = normaliseScope(scope);
    assertScope(next);
    if (!sameScope(next, mandate.scope))
      events.push({ type: 'MandateScopeChanged', data: { mandateId, scope: next } });
  }
  if (documentRef !== undefined && documentRef !== mandate.documentRef) {
    assertTexts({ documentRef });
    events.push({ type: 'MandateDocumentChanged', data: { mandateId, documentRef } });
  }
  return events;
}

function decide(command: MandateCommand, state: MandateState): MandateEvent[] {
  switch (command.type) {
    case 'GrantMandate': {
      if (state.exists) throw MandateErrors.ALREADY_EXISTS();
      const scope = normaliseScope(command.scope);
      const validUntil = command.validUntil ?? null;
      const documentRef = command.documentRef ?? null;
      const signedBy = { name: command.signedBy.name.trim(), function: command.signedBy.function.trim() };
      assertDates(command.validFrom, validUntil);
      assertScope(scope);
      assertTexts({ signedBy, documentRef });
      const { mandateId, organisationId, holderUserId, validFrom } = command;
      return [
        {
          type: 'MandateGranted',
          data: {
            mandateId,
            organisationId,
            holderUserId,
            scope,
            validFrom,
            validUntil,
            signedBy,
            documentRef,
          },
        },
      ];
    }
    case 'AmendMandate':
      return amend(command, state);
    case 'RevokeMandate': {
      const { mandateId } = current(state, command.organisationId);
      assertTexts({ reason: command.reason });
      return [{ type: 'MandateRevoked', data: { mandateId, reason: command.reason } }];
    }
  }
}

function evolve(state: MandateState, event: MandateEvent): MandateState {
  if (event.type === 'MandateGranted') return { exists: true, ...event.data, revokedReason: null };
  if (!state.exists) return state;
  switch (event.type) {
    case 'MandateValidityChanged':
      return { ...state, validFrom: event.data.validFrom, validUntil: event.data.validUntil };
    case 'MandateScopeChanged':
      return { ...state, scope: event.data.scope };
    case 'MandateDocumentChanged':
      return { ...state, documentRef: event.data.documentRef };
    case 'MandateRevoked':
      return { ...state, revokedReason: event.data.reason };
  }
}

export const mandateDecider: Decider<MandateState, MandateCommand, MandateEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: MANDATE_EVENT_TYPES,
};
