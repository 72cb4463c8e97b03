import { byActor, PersonalDataDeclarations } from '@rl/event-store';

// A member's rationale for a proposal, and the coordinator's note on a decision, are their words (as a
// comment's body and a return reason are): personal data of whoever sent the command. Labels,
// definitions and sources are the glossary's content, not a person's; a superseded proposal's reason is
// the system's.
export const GLOSSARY_PERSONAL_DATA: PersonalDataDeclarations = {
  GlossaryTermProposed: { fields: ['rationale'], subject: byActor },
  GlossaryRevisionProposed: { fields: ['rationale'], subject: byActor },
  GlossaryProposalAdopted: { fields: ['note'], subject: byActor },
  GlossaryProposalRejected: { fields: ['note'], subject: byActor },
  GlossaryTermDeprecated: { fields: ['note'], subject: byActor },
};
