export { databaseName, databaseUrl, DatabaseLogin } from './database-urls';
export { dataSourceOptions } from './data-source-options';
export { keysetCondition, keysetPage } from './keyset';
export { databaseBusy, isPoolAcquireTimeout, isUniqueViolation } from './pg-errors';
export { PersistenceModule } from './persistence.module';
export { AggregateRow, CityIndicatorRow, CityRow } from './city-row.columns';
export { SendLeaseColumns } from './send-lease.columns';
export { enableTenantIsolation, PUBLIC_READER_ROLE, PUBLISHED_READER_ROLE } from './rls';
export { TenantDb } from './tenant-db';
