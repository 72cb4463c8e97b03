export { AuditModule } from './audit.module';
export { ChainVerifier } from './chain-verifier';
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
