import { Module } from '@nestjs/common';
import { CLOCK, systemClock } from '@rl/kernel';
import { NotificationsModule } from '@rl/notifications';
import { AuditController } from './audit.controller';
import { ChainVerifier } from './chain-verifier';
import { CheckpointSweep, SignDueCheckpointHandler } from './checkpoints/checkpoint-jobs';
import { CheckpointSigner } from './checkpoints/checkpoint-signer';
import { SigningKeys } from './checkpoints/signing-keys';
import { SignCheckpointHandler } from './commands/sign-checkpoint/sign-checkpoint.handler';
import { AuditExport } from './export/audit-export';
import { PublicKeysController } from './public-keys.controller';
import { AuditEvents, PgAuditEvents } from './persistence/audit-events.repository';
import { CheckpointLedger, PgCheckpointLedger } from './persistence/checkpoint-ledger';
import { ListAuditEventsHandler } from './queries/list-audit-events/list-audit-events.handler';
import { ListCheckpointsHandler } from './queries/list-checkpoints/list-checkpoints.handler';
import { ListPublicKeysHandler } from './queries/list-public-keys/list-public-keys.handler';
import { ReadAuditStreamHandler } from './queries/read-audit-stream/read-audit-stream.handler';
import { VerifyChainHandler } from './queries/verify-chain/verify-chain.handler';
import { ReadModelVerifier } from './read-models/read-model-verifier';

// Imports NotificationsModule for its NoticeOutbox: checkpoints reach witnesses as webhook events.
@Module({
  imports: [NotificationsModule],
  controllers: [AuditController, PublicKeysController],
  providers: [
    ChainVerifier,
    ReadModelVerifier,
    SigningKeys,
    { provide: CheckpointLedger, useClass: PgCheckpointLedger },
    { provide: AuditEvents, useClass: PgAuditEvents },
    { provide: CLOCK, useValue: systemClock },
    CheckpointSigner,
    CheckpointSweep,
    SignDueCheckpointHandler,
    SignCheckpointHandler,
    AuditExport,
    ListAuditEventsHandler,
    ListCheckpointsHandler,
    ListPublicKeysHandler,
    ReadAuditStreamHandler,
    VerifyChainHandler,
  ],
  exports: [ChainVerifier, CheckpointSweep, ReadModelVerifier],
})
export class AuditModule {}
