import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { mandateDecider } from '../../domain/mandate.decider';
import { mandateStream } from '../../domain/mandate.events';
import { CreatedMandateView } from '../../mandate.view';
import { MandateReferences } from '../../persistence/mandate-references';
import { GrantMandateCommand } from './grant-mandate.command';

@CommandHandler(GrantMandateCommand)
export class GrantMandateHandler implements ICommandHandler<GrantMandateCommand, CreatedMandateView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: MandateReferences,
  ) {}

  async execute({
    cityId,
    organisationId,
    input,
    metadata,
  }: GrantMandateCommand): Promise<CreatedMandateView> {
    await this.references.assertOrganisation(cityId, organisationId);
    await this.references.assertHolder(cityId, input.holderUserId, organisationId);
    await this.references.assertScope(cityId, input.scope);
    const mandateId = uuidv7();
    const result = await this.aggregates.handle(
      cityId,
      mandateDecider,
      mandateStream(mandateId),
      { type: 'GrantMandate', mandateId, organisationId, ...input },
      { expected: 0, metadata },
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return {
      id: result.streamId.replace(/^mandate-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
