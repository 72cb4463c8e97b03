export { AuditModule } from './audit.module';
export { ChainRecord, CHAIN_COLUMNS, ChainVerifier, toRow } from './chain-verifier';
export { CheckpointSweep } from './checkpoints/checkpoint-jobs';
export { CheckpointSigner } from './checkpoints/checkpoint-signer';
export { SigningKeys } from './checkpoints/signing-keys';
export { SignCheckpointCommand } from './commands/sign-checkpoint/sign-checkpoint.command';
export {
  AuditedChainCheck,
  AuditReport,
  Checkpoint,
  checkpointMessage,
  checkpointSignatureValid,
  signCheckpoint,
} from './domain/checkpoint';
export { ExportFormatError, verifyExport } from './domain/export-verification';
export { ReadModelVerifier } from './read-models/read-model-verifier';
export { ReadModelsView } from './read-models/read-models.view';
export {
  BrokenLink,
  BreakReason,
  ChainHead,
  ChainReport,
  ChainRow,
  CheckpointRef,
  eventHash,
  GENESIS_HASH,
  HashChainCheck,
  verifyHashChain,
} from './domain/hash-chain';
