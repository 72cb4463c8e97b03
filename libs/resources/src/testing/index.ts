export { InMemoryOfferingOrganisations, InMemoryResourceLinkTargets } from './in-memory-resources';
