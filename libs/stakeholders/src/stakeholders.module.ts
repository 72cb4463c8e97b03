import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegisterOrganisationHandler } from './commands/register-organisation/register-organisation.handler';
import { UpdateOrganisationHandler } from './commands/update-organisation/update-organisation.handler';
import { OrganisationsController } from './organisations.controller';
import { OrganisationRecord } from './persistence/organisation.entity';
import { OrganisationsReadModel, PgOrganisationsReadModel } from './persistence/organisations.repository';
import { OrganisationsProjection } from './projections/organisations.projection';
import { GetOrganisationHandler } from './queries/get-organisation/get-organisation.handler';
import { ListOrganisationsHandler } from './queries/list-organisations/list-organisations.handler';

@Module({
  imports: [TypeOrmModule.forFeature([OrganisationRecord])],
  controllers: [OrganisationsController],
  providers: [
    { provide: OrganisationsReadModel, useClass: PgOrganisationsReadModel },
    OrganisationsProjection,
    RegisterOrganisationHandler,
    UpdateOrganisationHandler,
    ListOrganisationsHandler,
    GetOrganisationHandler,
  ],
})
export class StakeholdersModule {}
