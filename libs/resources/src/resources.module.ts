import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OfferResourceHandler } from './commands/offer-resource/offer-resource.handler';
import { ReviseResourceHandler } from './commands/revise-resource/revise-resource.handler';
import { WithdrawResourceHandler } from './commands/withdraw-resource/withdraw-resource.handler';
import { ResourceRecord } from './persistence/resource.entity';
import {
  OfferingOrganisations,
  PgOfferingOrganisations,
  PgResourceLinkTargets,
  ResourceLinkTargets,
} from './persistence/resource-references.repository';
import { PgResourcesReadModel, ResourcesReadModel } from './persistence/resources.repository';
import { ResourcesProjection } from './projections/resources.projection';
import { GetResourceHandler } from './queries/get-resource/get-resource.handler';
import { ListResourcesHandler } from './queries/list-resources/list-resources.handler';
import { ResourcesController } from './resources.controller';

@Module({
  imports: [TypeOrmModule.forFeature([ResourceRecord])],
  controllers: [ResourcesController],
  providers: [
    { provide: ResourcesReadModel, useClass: PgResourcesReadModel },
    { provide: OfferingOrganisations, useClass: PgOfferingOrganisations },
    // At merge, the tasks context's check of a task id replaces the stream lookup of unknownTasks.
    { provide: ResourceLinkTargets, useClass: PgResourceLinkTargets },
    ResourcesProjection,
    OfferResourceHandler,
    ReviseResourceHandler,
    WithdrawResourceHandler,
    ListResourcesHandler,
    GetResourceHandler,
  ],
})
export class ResourcesModule {}
