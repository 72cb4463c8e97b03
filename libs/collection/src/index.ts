import { COLLECTION_ENTITIES } from './persistence/collection.entities';

export { CollectionModule } from './collection.module';
export { CollectionWakeups } from './pulls/collection-wakeups';
export { ConnectCommand } from './commands/connect/connect.command';
export { CONNECTIONS_PROJECTION, ConnectionsProjection } from './projections/connections.projection';
export { COLLECTION_ENTITIES };
