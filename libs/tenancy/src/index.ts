export { CityDirectory } from './city-directory';
export { CityView } from './city.view';
export { CreateCityCommand } from './commands/create-city/create-city.command';
export { CityErrors } from './domain/tenancy.errors';
export { CityRecord } from './persistence/city.entity';
export { TenancyModule } from './tenancy.module';
export { TENANCY_ENTITIES } from './persistence/entities';
