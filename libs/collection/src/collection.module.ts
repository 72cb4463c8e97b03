import { Module } from '@nestjs/common';
import { OutboundModule } from '@rl/outbound';
import { CollectionPushController } from './collection-push.controller';
import { CollectionController } from './collection.controller';
import { ConnectHandler } from './commands/connect/connect.handler';
import { DisconnectHandler } from './commands/disconnect/disconnect.handler';
import { CollectionReferences, PgCollectionReferences } from './persistence/collection-references';
import { CollectionStore, PgCollectionStore } from './persistence/collection.store';
import { CredentialsCipher } from './persistence/credentials-cipher';
import { ConnectionsProjection } from './projections/connections.projection';
import { CollectionPullJob } from './pulls/collection-pull.job';
import { CollectionWakeups } from './pulls/collection-wakeups';
import { PlatformClients } from './pulls/platform-clients';
import { PullRunner } from './pulls/pull-runner';
import { SubmissionIngest } from './pulls/submission-ingest';

@Module({
  imports: [OutboundModule],
  controllers: [CollectionController, CollectionPushController],
  providers: [
    { provide: CollectionStore, useClass: PgCollectionStore },
    { provide: CollectionReferences, useClass: PgCollectionReferences },
    CredentialsCipher,
    ConnectionsProjection,
    ConnectHandler,
    DisconnectHandler,
    CollectionWakeups,
    PlatformClients,
    SubmissionIngest,
    PullRunner,
    CollectionPullJob,
  ],
  exports: [CollectionWakeups],
})
export class CollectionModule {}
