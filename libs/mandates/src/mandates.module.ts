import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventSchemas } from '@rl/event-store';
import { AmendMandateHandler } from './commands/amend-mandate/amend-mandate.handler';
import { GrantMandateHandler } from './commands/grant-mandate/grant-mandate.handler';
import { RevokeMandateHandler } from './commands/revoke-mandate/revoke-mandate.handler';
import { MANDATE_PERSONAL_DATA } from './mandate-personal-data';
import { MandatesController } from './mandates.controller';
import { MandateRecord } from './persistence/mandate.entity';
import { MandateReferences, PgMandateReferences } from './persistence/mandate-references';
import { MandatesReadModel, PgMandatesReadModel } from './persistence/mandates.repository';
import { MandatesProjection } from './projections/mandates.projection';
import { GetMandateHandler } from './queries/get-mandate/get-mandate.handler';
import { ListMandatesHandler } from './queries/list-mandates/list-mandates.handler';
import { ParticipationHandler } from './queries/participation/participation.handler';
import { MandateExpiryWakeupsReactor } from './reactors/mandate-expiry-wakeups.reactor';

@Module({
  imports: [TypeOrmModule.forFeature([MandateRecord])],
  controllers: [MandatesController],
  providers: [
    { provide: MandateReferences, useClass: PgMandateReferences },
    { provide: MandatesReadModel, useClass: PgMandatesReadModel },
    MandatesProjection,
    MandateExpiryWakeupsReactor,
    GrantMandateHandler,
    AmendMandateHandler,
    RevokeMandateHandler,
    ListMandatesHandler,
    GetMandateHandler,
    ParticipationHandler,
  ],
  // The completeness report reads how many members hold a valid mandate.
  exports: [MandatesReadModel],
})
export class MandatesModule {
  constructor(schemas: EventSchemas) {
    schemas.declarePersonal(MANDATE_PERSONAL_DATA);
  }
}
