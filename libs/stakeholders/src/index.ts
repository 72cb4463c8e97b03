import { OrganisationRecord } from './persistence/organisation.entity';

export {
  ORGANISATION_EVENT_TYPES,
  ORGANISATION_KINDS,
  OrganisationEvent,
  organisationStream,
} from './domain/organisation.events';
export { assertOrganisationInCity } from './organisation-check';
export { ORGANISATIONS_PROJECTION, OrganisationsProjection } from './projections/organisations.projection';
export { StakeholdersModule } from './stakeholders.module';
export { OrganisationRecord };

export const STAKEHOLDERS_ENTITIES = [OrganisationRecord];
export { RegisterOrganisationCommand } from './commands/register-organisation/register-organisation.command';
