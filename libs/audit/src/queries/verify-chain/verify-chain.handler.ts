import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChainVerifier } from '../../chain-verifier';
import { ChainVerificationView, VerifyChainQuery } from './verify-chain.query';

@QueryHandler(VerifyChainQuery)
export class VerifyChainHandler implements IQueryHandler<VerifyChainQuery, ChainVerificationView> {
  constructor(private readonly verifier: ChainVerifier) {}

  execute({ cityId }: VerifyChainQuery): Promise<ChainVerificationView> {
    return this.verifier.verify(cityId);
  }
}
