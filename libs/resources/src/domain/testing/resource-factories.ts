import { ResourceDetails, ResourceEvent } from '../resource.events';

export const RESOURCE_ID = '0192f0aa-0000-7000-8000-00000000e001';
export const CSO_ID = '0192f0aa-0000-7000-8000-00000000a0c1';
export const OTHER_ORG_ID = '0192f0aa-0000-7000-8000-00000000a0c2';
export const INDICATOR_ID = '0192f0aa-0000-7000-8000-00000000b001';

export const aVenue = (overrides: Partial<ResourceDetails> = {}): ResourceDetails => ({
  kind: 'material',
  title: 'Meeting room for 40',
  description: null,
  availability: { from: '2026-01-01', note: 'Weekday evenings' },
  amount: null,
  contactRole: 'Volunteer coordinator',
  links: [{ kind: 'indicator', id: INDICATOR_ID }],
  ...overrides,
});

export const offered = (details: ResourceDetails = aVenue(), offeredBy = CSO_ID): ResourceEvent => ({
  type: 'ResourceOffered',
  data: { resourceId: RESOURCE_ID, offeredBy, ...details },
});
