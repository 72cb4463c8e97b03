export {
  GLOSSARY_TERM_EVENT_TYPES,
  GlossaryTermEvent,
  glossaryTermStream,
} from './domain/glossary-term.events';
export { GetTermQuery } from './queries/get-term/get-term.query';
export { GLOSSARY_ENTITIES } from './persistence/glossary.entities';
export { GLOSSARY_TERMS_PROJECTION, GlossaryTermsProjection } from './projections/glossary-terms.projection';
export { GlossaryModule } from './glossary.module';
export { ImportGlossaryCommand } from './commands/import-glossary/import-glossary.command';
export { DecideProposalCommand } from './commands/decide-proposal/decide-proposal.command';
export { DeprecateTermCommand } from './commands/deprecate-term/deprecate-term.command';
export { MatchTermCommand } from './commands/match-term/match-term.command';
export { ProposeRevisionCommand } from './commands/propose-revision/propose-revision.command';
export { ProposeTermCommand } from './commands/propose-term/propose-term.command';
export { SetGlossaryPublicationCommand } from './commands/set-glossary-publication/set-glossary-publication.command';
export { TakeStanceCommand } from './commands/take-stance/take-stance.command';
export { GlossaryPublicationStamp } from './public/glossary-publication-stamp';
