import { byActor, PersonalDataDeclarations } from '@rl/event-store';
import { CRITERIA } from './domain/dataset.events';

// An assessor's notes and summary are their words (as a comment's body is): personal data of whoever
// assessed. Scores and the verdict are the catalogue's judgement; a dataset's title, description and
// coverage describe the data, not a person.
export const DATASETS_PERSONAL_DATA: PersonalDataDeclarations = {
  DatasetAssessed: { fields: [...CRITERIA.map((c) => `notes.${c}`), 'summary'], subject: byActor },
};
