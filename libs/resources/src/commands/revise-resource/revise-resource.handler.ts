import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { resourceDecider } from '../../domain/resource.decider';
import { resourceStream } from '../../domain/resource.events';
import { ResourceLinkTargets } from '../../persistence/resource-references.repository';
import { actorOf } from '../actor-of';
import { ReviseResourceCommand } from './revise-resource.command';

@CommandHandler(ReviseResourceCommand)
export class ReviseResourceHandler implements ICommandHandler<ReviseResourceCommand, WriteResultView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly targets: ResourceLinkTargets,
  ) {}

  async execute({
    cityId,
    resourceId,
    expectedVersion,
    changes,
    metadata,
  }: ReviseResourceCommand): Promise<WriteResultView> {
    await this.targets.assertKnown(cityId, changes.links);
    const { version, position } = await this.aggregates.handle(
      cityId,
      resourceDecider,
      resourceStream(resourceId),
      { type: 'ReviseResource', changes, actor: actorOf(metadata) },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
