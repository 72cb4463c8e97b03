import { MandateRecord } from './persistence/mandate.entity';

export { mandateDecider, MandateState } from './domain/mandate.decider';
export { MANDATE_EVENT_TYPES, MandateEvent, mandateStream } from './domain/mandate.events';
export { dayIn, EXPIRING_WITHIN_DAYS, expiryNoticeKey, expiryNoticeOwed } from './domain/mandate-validity';
export { MandateCounts, MandatesReadModel } from './persistence/mandates.repository';
export { MANDATES_PROJECTION, MandatesProjection } from './projections/mandates.projection';
export { MandatesModule } from './mandates.module';
export { GrantMandateCommand } from './commands/grant-mandate/grant-mandate.command';
export { MandateRecord };

export const MANDATES_ENTITIES = [MandateRecord];
