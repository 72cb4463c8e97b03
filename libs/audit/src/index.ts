export { AuditModule } from './audit.module';
export { ChainVerifier } from './chain-verifier';
export { ReadModelVerifier } from './read-models/read-model-verifier';
export { ReadModelsView } from './read-models/read-models.view';
export {
  BrokenLink,
  BreakReason,
  ChainHead,
  ChainReport,
  ChainRow,
  GENESIS_HASH,
  HashChainCheck,
  verifyHashChain,
} from './domain/hash-chain';
