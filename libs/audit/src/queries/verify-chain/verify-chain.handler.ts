import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChainVerifier } from '../../chain-verifier';
import { ReadModelVerifier } from '../../read-models/read-model-verifier';
import { ChainVerificationView, VerifyChainQuery } from './verify-chain.query';

@QueryHandler(VerifyChainQuery)
export class VerifyChainHandler implements IQueryHandler<VerifyChainQuery, ChainVerificationView> {
  constructor(
    private readonly verifier: ChainVerifier,
    private readonly readModelVerifier: ReadModelVerifier,
  ) {}

  async execute({ cityId, readModels }: VerifyChainQuery): Promise<ChainVerificationView> {
    const chain = await this.verifier.verify(cityId);
    if (!readModels) return chain;
    const models = await this.readModelVerifier.verify(cityId);
    return { ...chain, ok: chain.ok && models.ok, readModels: models };
  }
}
