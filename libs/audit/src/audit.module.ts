import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { ChainVerifier } from './chain-verifier';
import { ListAuditEventsHandler } from './queries/list-audit-events/list-audit-events.handler';
import { ReadAuditStreamHandler } from './queries/read-audit-stream/read-audit-stream.handler';
import { VerifyChainHandler } from './queries/verify-chain/verify-chain.handler';
import { ReadModelVerifier } from './read-models/read-model-verifier';

@Module({
  controllers: [AuditController],
  providers: [
    ChainVerifier,
    ReadModelVerifier,
    ListAuditEventsHandler,
    ReadAuditStreamHandler,
    VerifyChainHandler,
  ],
  exports: [ChainVerifier, ReadModelVerifier],
})
export class AuditModule {}
