export const RESOURCE_KINDS = ['material', 'financial', 'knowledge'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_STATUSES = ['offered', 'withdrawn'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

export const RESOURCE_LINK_KINDS = ['indicator', 'task'] as const;
export type ResourceLinkKind = (typeof RESOURCE_LINK_KINDS)[number];

// An indicator or a task of the city the resource supports.
export interface ResourceLink {
  kind: ResourceLinkKind;
  id: string;
}

// When a resource can be had: calendar days (either end open) and a note ("weekday evenings, 40 seats").
export interface Availability {
  from?: string;
  until?: string;
  note?: string;
}

// A sum of money in an ISO 4217 currency, in its major unit (1500.5 EUR).
export interface Money {
  value: number;
  currency: string;
}

// What an organisation offers. `contactRole` names a function ("volunteer coordinator"), never a person.
export interface ResourceDetails {
  kind: ResourceKind;
  title: string;
  description: string | null;
  availability: Availability | null;
  amount: Money | null;
  contactRole: string | null;
  links: ResourceLink[];
}

// A revision: each field given replaces the current one (null clears an optional one).
export type ResourceChanges = Partial<ResourceDetails>;

export type ResourceEvent =
  | { type: 'ResourceOffered'; data: { resourceId: string; offeredBy: string } & ResourceDetails }
  | { type: 'ResourceRevised'; data: { resourceId: string; changes: ResourceChanges } }
  | { type: 'ResourceWithdrawn'; data: { resourceId: string } };

export type ResourceEventType = ResourceEvent['type'];

export const RESOURCE_EVENT_TYPES: readonly ResourceEventType[] = [
  'ResourceOffered',
  'ResourceRevised',
  'ResourceWithdrawn',
];

export const resourceStream = (resourceId: string) => `resource-${resourceId}`;
export const resourceIdOfStream = (streamId: string) => streamId.replace(/^resource-/, '');
