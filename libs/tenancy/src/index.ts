export { CityDirectory } from './city-directory';
export { CityView } from './city.view';
export { CreateCityCommand } from './commands/create-city/create-city.command';
export { CityRecord } from './persistence/city.entity';
export { TenancyModule } from './tenancy.module';
export { TENANCY_ENTITIES } from './persistence/entities';
