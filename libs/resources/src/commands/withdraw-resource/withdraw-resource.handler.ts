import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { resourceDecider } from '../../domain/resource.decider';
import { resourceStream } from '../../domain/resource.events';
import { actorOf } from '../actor-of';
import { WithdrawResourceCommand } from './withdraw-resource.command';

@CommandHandler(WithdrawResourceCommand)
export class WithdrawResourceHandler implements ICommandHandler<WithdrawResourceCommand, WriteResultView> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({
    cityId,
    resourceId,
    expectedVersion,
    metadata,
  }: WithdrawResourceCommand): Promise<WriteResultView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      resourceDecider,
      resourceStream(resourceId),
      { type: 'WithdrawResource', actor: actorOf(metadata) },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
