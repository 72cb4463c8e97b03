export {
  GLOSSARY_TERM_EVENT_TYPES,
  GlossaryTermEvent,
  glossaryTermStream,
} from './domain/glossary-term.events';
export { GLOSSARY_ENTITIES } from './persistence/glossary.entities';
export { GLOSSARY_TERMS_PROJECTION, GlossaryTermsProjection } from './projections/glossary-terms.projection';
export { GlossaryModule } from './glossary.module';
