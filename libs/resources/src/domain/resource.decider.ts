import { Decider } from '@rl/kernel';
import { checkDetails, normaliseChanges, normaliseDetails, ResourceInput } from './resource-details';
import { ResourceErrors } from './resource.errors';
import { RESOURCE_EVENT_TYPES, ResourceDetails, ResourceEvent, ResourceStatus } from './resource.events';

export type ResourceState =
  | { exists: false }
  | { exists: true; resourceId: string; offeredBy: string; details: ResourceDetails; status: ResourceStatus };
type Existing = Extract<ResourceState, { exists: true }>;

// Who sends the command: a collector acts only for their own organisation.
export interface ResourceActor {
  role?: string;
  organisationId?: string | null;
}

export type ResourceCommand =
  | {
      type: 'OfferResource';
      resourceId: string;
      offeredBy: string;
      details: ResourceInput;
      actor: ResourceActor;
    }
  | { type: 'ReviseResource'; changes: Partial<ResourceInput>; actor: ResourceActor }
  | { type: 'WithdrawResource'; actor: ResourceActor };

const initialState = (): ResourceState => ({ exists: false });

// Refuses a collector acting for another organisation than their own (other roles act for any).
export function assertMayManage(actor: ResourceActor, offeredBy: string): void {
  if (actor.role === 'collector' && actor.organisationId !== offeredBy)
    throw ResourceErrors.NOT_YOUR_ORGANISATION({
      errors: [{ field: 'offeredBy', message: 'is not your organisation' }],
    });
}

function managed(state: ResourceState, actor: ResourceActor): Existing {
  if (!state.exists) throw ResourceErrors.NOT_FOUND();
  assertMayManage(actor, state.offeredBy);
  return state;
}

function revise(resource: Existing, changes: Partial<ResourceInput>): ResourceEvent[] {
  if (resource.status === 'withdrawn') throw ResourceErrors.WITHDRAWN();
  const normalised = normaliseChanges(changes);
  const changed = Object.fromEntries(
    Object.entries(normalised).filter(
      ([field, value]) =>
        JSON.stringify(value) !== JSON.stringify(resource.details[field as keyof ResourceDetails]),
    ),
  );
  if (Object.keys(changed).length === 0) return [];
  checkDetails({ ...resource.details, ...changed });
  return [{ type: 'ResourceRevised', data: { resourceId: resource.resourceId, changes: changed } }];
}

function decide(command: ResourceCommand, state: ResourceState): ResourceEvent[] {
  switch (command.type) {
    case 'OfferResource': {
      assertMayManage(command.actor, command.offeredBy);
      if (state.exists) throw ResourceErrors.ALREADY_EXISTS();
      const details = normaliseDetails(command.details);
      checkDetails(details);
      const { resourceId, offeredBy } = command;
      return [{ type: 'ResourceOffered', data: { resourceId, offeredBy, ...details } }];
    }
    case 'ReviseResource': {
      if (Object.values(command.changes).every((value) => value === undefined))
        throw ResourceErrors.NOTHING_TO_CHANGE();
      return revise(managed(state, command.actor), command.changes);
    }
    case 'WithdrawResource': {
      const resource = managed(state, command.actor);
      if (resource.status === 'withdrawn') return [];
      return [{ type: 'ResourceWithdrawn', data: { resourceId: resource.resourceId } }];
    }
  }
}

function evolve(state: ResourceState, event: ResourceEvent): ResourceState {
  switch (event.type) {
    case 'ResourceOffered': {
      const { resourceId, offeredBy, ...details } = event.data;
      return { exists: true, resourceId, offeredBy, details, status: 'offered' };
    }
    case 'ResourceRevised':
      return state.exists ? { ...state, details: { ...state.details, ...event.data.changes } } : state;
    case 'ResourceWithdrawn':
      return state.exists ? { ...state, status: 'withdrawn' } : state;
  }
}

export const resourceDecider: Decider<ResourceState, ResourceCommand, ResourceEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: RESOURCE_EVENT_TYPES,
};
