import { ResourceRecord } from './persistence/resource.entity';

export {
  RESOURCE_EVENT_TYPES,
  RESOURCE_KINDS,
  ResourceEvent,
  resourceStream,
} from './domain/resource.events';
export { ResourceLinkTargets } from './persistence/resource-references.repository';
export { RESOURCES_PROJECTION, ResourcesProjection } from './projections/resources.projection';
export { ResourcesModule } from './resources.module';
export { OfferResourceCommand } from './commands/offer-resource/offer-resource.command';
export { OfferResourceDto } from './commands/offer-resource/offer-resource.dto';
export { ReviseResourceCommand } from './commands/revise-resource/revise-resource.command';
export { WithdrawResourceCommand } from './commands/withdraw-resource/withdraw-resource.command';
export { ResourceRecord };

export const RESOURCES_ENTITIES = [ResourceRecord];
