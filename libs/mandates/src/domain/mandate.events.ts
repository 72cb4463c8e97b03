// What a mandate covers: everything the holder does for the city (`all`), or the listed indicators and
// tasks of the city.
export interface MandateScope {
  all: boolean;
  indicators: string[];
  tasks: string[];
}

// Who signed the mandate for the organisation; the name is personal data (see mandate-personal-data.ts).
export interface MandateSigner {
  name: string;
  function: string;
}

// Dates are calendar days (YYYY-MM-DD), both inclusive, read in the city's time zone; no validUntil: open-ended.
export type MandateEvent =
  | {
      type: 'MandateGranted';
      data: {
        mandateId: string;
        organisationId: string;
        holderUserId: string;
        scope: MandateScope;
        validFrom: string;
        validUntil: string | null;
        signedBy: MandateSigner;
        documentRef: string | null;
      };
    }
  | {
      type: 'MandateValidityChanged';
      data: { mandateId: string; validFrom: string; validUntil: string | null };
    }
  | { type: 'MandateScopeChanged'; data: { mandateId: string; scope: MandateScope } }
  | { type: 'MandateDocumentChanged'; data: { mandateId: string; documentRef: string | null } }
  | { type: 'MandateRevoked'; data: { mandateId: string; reason: string } };

export type MandateEventType = MandateEvent['type'];

export const MANDATE_EVENT_TYPES: readonly MandateEventType[] = [
  'MandateGranted',
  'MandateValidityChanged',
  'MandateScopeChanged',
  'MandateDocumentChanged',
  'MandateRevoked',
];

export const mandateStream = (mandateId: string) => `mandate-${mandateId}`;
