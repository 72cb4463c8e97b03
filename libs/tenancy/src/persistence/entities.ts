import { CityRecord } from './city.entity';

export const TENANCY_ENTITIES = [CityRecord];
