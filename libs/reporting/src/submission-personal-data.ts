import { byActor, PersonalDataDeclarations } from '@rl/event-store';

// Free text a person writes about a submission: the submitter's note, a correction's or a return's
// reason. Values, sources (citations of published data) and system-made outlier reasons are not personal.
export const SUBMISSION_PERSONAL_DATA: PersonalDataDeclarations = {
  SubmissionSubmitted: { fields: ['note'], subject: byActor },
  SubmissionCorrected: { fields: ['reason'], subject: byActor },
  SubmissionReturned: { fields: ['reason'], subject: byActor },
};
