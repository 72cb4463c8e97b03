import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventSchemas } from '@rl/event-store';
import { DecideProposalHandler } from './commands/decide-proposal/decide-proposal.handler';
import { DeprecateTermHandler } from './commands/deprecate-term/deprecate-term.handler';
import { ImportGlossaryHandler } from './commands/import-glossary/import-glossary.handler';
import { MatchTermHandler } from './commands/match-term/match-term.handler';
import { ProposeRevisionHandler } from './commands/propose-revision/propose-revision.handler';
import { ProposeTermHandler } from './commands/propose-term/propose-term.handler';
import { SetGlossaryPublicationHandler } from './commands/set-glossary-publication/set-glossary-publication.handler';
import { TakeStanceHandler } from './commands/take-stance/take-stance.handler';
import { GlossaryTermsController } from './glossary-terms.controller';
import { GlossaryController } from './glossary.controller';
import { GLOSSARY_PERSONAL_DATA } from './glossary-personal-data';
import { GLOSSARY_ENTITIES } from './persistence/glossary.entities';
import { GlossaryLedger, PgGlossaryLedger } from './persistence/glossary-ledger';
import { GlossaryTermsReadModel, PgGlossaryTermsReadModel } from './persistence/glossary-terms.repository';
import { PgPublishedGlossaries, PublishedGlossaries } from './persistence/published-glossaries.repository';
import { GlossaryTermsProjection } from './projections/glossary-terms.projection';
import { GlossaryPublicationStamp } from './public/glossary-publication-stamp';
import { PublicGlossaryController } from './public-glossary.controller';
import { GetTermHandler } from './queries/get-term/get-term.handler';
import { ListTermsHandler } from './queries/list-terms/list-terms.handler';
import { PublicGlossaryHandler } from './queries/public-glossary/public-glossary.handler';
import { TermHistoryHandler } from './queries/term-history/term-history.handler';
import { TermsReader } from './queries/terms-reader';

@Module({
  imports: [TypeOrmModule.forFeature(GLOSSARY_ENTITIES)],
  controllers: [GlossaryTermsController, GlossaryController, PublicGlossaryController],
  providers: [
    { provide: GlossaryLedger, useClass: PgGlossaryLedger },
    { provide: GlossaryTermsReadModel, useClass: PgGlossaryTermsReadModel },
    { provide: PublishedGlossaries, useClass: PgPublishedGlossaries },
    GlossaryTermsProjection,
    TermsReader,
    ProposeTermHandler,
    ProposeRevisionHandler,
    TakeStanceHandler,
    DecideProposalHandler,
    DeprecateTermHandler,
    MatchTermHandler,
    SetGlossaryPublicationHandler,
    ImportGlossaryHandler,
    ListTermsHandler,
    GetTermHandler,
    TermHistoryHandler,
    PublicGlossaryHandler,
    GlossaryPublicationStamp,
  ],
})
export class GlossaryModule {
  constructor(schemas: EventSchemas) {
    schemas.declarePersonal(GLOSSARY_PERSONAL_DATA);
  }
}
