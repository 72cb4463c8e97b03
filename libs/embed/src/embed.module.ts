import { Module } from '@nestjs/common';
import { OpenDataModule } from '@rl/open-data';
import { EmbedCharts } from './embed-charts';
import { EmbedController } from './embed.controller';
import { EmbedCities, PgEmbedCities } from './persistence/embed-cities.repository';

@Module({
  imports: [OpenDataModule],
  controllers: [EmbedController],
  providers: [{ provide: EmbedCities, useClass: PgEmbedCities }, EmbedCharts],
})
export class EmbedModule {}
