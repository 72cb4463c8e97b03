export const ORGANISATION_KINDS = [
  'local_authority',
  'cso',
  'academic',
  'service_provider',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export type OrganisationEvent =
  | { type: 'OrganisationRegistered'; data: { organisationId: string; name: string; kind: OrganisationKind } }
  | { type: 'OrganisationRenamed'; data: { organisationId: string; name: string } }
  | { type: 'OrganisationReclassified'; data: { organisationId: string; kind: OrganisationKind } };

export type OrganisationEventType = OrganisationEvent['type'];

export const ORGANISATION_EVENT_TYPES: readonly OrganisationEventType[] = [
  'OrganisationRegistered',
  'OrganisationRenamed',
  'OrganisationReclassified',
];

export const organisationStream = (organisationId: string) => `organisation-${organisationId}`;
