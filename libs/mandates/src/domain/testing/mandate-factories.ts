import { MandateEvent } from '../mandate.events';

// Ids and a granted mandate as most specs start from; tests override what they are about.
export const MANDATE_IDS = {
  mandate: '0192f0aa-0000-7000-8000-0000000000d1',
  organisation: '0192f0aa-0000-7000-8000-0000000000a1',
  otherOrganisation: '0192f0aa-0000-7000-8000-0000000000a2',
  holder: '0192f0aa-0000-7000-8000-0000000000b1',
  indicator: '0192f0aa-0000-7000-8000-0000000000e1',
} as const;

type Granted = Extract<MandateEvent, { type: 'MandateGranted' }>;

export const granted = (data: Partial<Granted['data']> = {}): Granted => ({
  type: 'MandateGranted',
  data: {
    mandateId: MANDATE_IDS.mandate,
    organisationId: MANDATE_IDS.organisation,
    holderUserId: MANDATE_IDS.holder,
    scope: { all: false, indicators: [MANDATE_IDS.indicator], tasks: [] },
    validFrom: '2025-01-01',
    validUntil: '2025-12-31',
    signedBy: { name: 'An Peeters', function: 'Director' },
    documentRef: 'Board decision 2025/14 (illustrative)',
    ...data,
  },
});
