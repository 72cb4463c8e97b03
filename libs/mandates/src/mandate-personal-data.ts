import { byActor, PersonalDataDeclarations } from '@rl/event-store';

// The signer's name is a person's name, usually of someone without an account (the organisation's
// director): it is kept with the holder's data key, so that erasing the holder also erases who signed
// their mandate. The signer's function is a role, not personal. A revocation's reason is the words of
// whoever revoked it.
export const MANDATE_PERSONAL_DATA: PersonalDataDeclarations = {
  MandateGranted: {
    fields: ['signedBy.name'],
    subject: ({ data }) => (data as { holderUserId: string }).holderUserId,
  },
  MandateRevoked: { fields: ['reason'], subject: byActor },
};
