export { GLOSSARY_TERM_EVENT_TYPES, GlossaryTermEvent, glossaryTermStream } from './domain/glossary-term.events';
