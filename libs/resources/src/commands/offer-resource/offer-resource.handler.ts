import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { assertMayManage, resourceDecider } from '../../domain/resource.decider';
import { resourceIdOfStream, resourceStream } from '../../domain/resource.events';
import { OfferingOrganisations, ResourceLinkTargets } from '../../persistence/resource-references.repository';
import { CreatedResourceView } from '../../resource.view';
import { actorOf } from '../actor-of';
import { OfferResourceCommand } from './offer-resource.command';

@CommandHandler(OfferResourceCommand)
export class OfferResourceHandler implements ICommandHandler<OfferResourceCommand, CreatedResourceView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly organisations: OfferingOrganisations,
    private readonly targets: ResourceLinkTargets,
  ) {}

  async execute({ cityId, input, metadata }: OfferResourceCommand): Promise<CreatedResourceView> {
    const { offeredBy, ...details } = input;
    const actor = actorOf(metadata);
    // A collector naming another organisation is refused before anything about it is looked up.
    assertMayManage(actor, offeredBy);
    await this.organisations.assertKnown(cityId, offeredBy);
    await this.targets.assertKnown(cityId, details.links);
    const resourceId = uuidv7();
    const result = await this.aggregates.handle(
      cityId,
      resourceDecider,
      resourceStream(resourceId),
      { type: 'OfferResource', resourceId, offeredBy, details, actor },
      { expected: 0, metadata },
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return { id: resourceIdOfStream(result.streamId), version: result.version, position: result.position };
  }
}
