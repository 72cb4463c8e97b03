import { Module } from '@nestjs/common';
import { OpenDataModule } from '@rl/open-data';
import { ReportsModule } from '@rl/reports';
import { PublicPages } from './public-pages';
import { PublicPagesController } from './public-pages.controller';
import { PgPublicPageSources, PublicPageSources } from './persistence/public-page-sources';

@Module({
  imports: [OpenDataModule, ReportsModule],
  controllers: [PublicPagesController],
  providers: [{ provide: PublicPageSources, useClass: PgPublicPageSources }, PublicPages],
})
export class PublicPagesModule {}
