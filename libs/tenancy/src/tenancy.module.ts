import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CitiesController } from './cities.controller';
import { CityDirectory } from './city-directory';
import { CreateCityHandler } from './commands/create-city/create-city.handler';
import { Cities, PgCities } from './persistence/cities.repository';
import { TENANCY_ENTITIES } from './persistence/entities';
import { ListCitiesHandler } from './queries/list-cities/list-cities.handler';

@Module({
  imports: [TypeOrmModule.forFeature(TENANCY_ENTITIES)],
  controllers: [CitiesController],
  providers: [{ provide: Cities, useClass: PgCities }, CityDirectory, CreateCityHandler, ListCitiesHandler],
  exports: [CityDirectory],
})
export class TenancyModule {}
