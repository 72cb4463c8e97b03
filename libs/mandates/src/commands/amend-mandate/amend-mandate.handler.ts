import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { mandateDecider } from '../../domain/mandate.decider';
import { mandateStream } from '../../domain/mandate.events';
import { MandateReferences } from '../../persistence/mandate-references';
import { AmendMandateCommand } from './amend-mandate.command';

@CommandHandler(AmendMandateCommand)
export class AmendMandateHandler implements ICommandHandler<AmendMandateCommand, WriteResultView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly references: MandateReferences,
  ) {}

  async execute(command: AmendMandateCommand): Promise<WriteResultView> {
    const { cityId, organisationId, mandateId, expectedVersion, changes, metadata } = command;
    await this.references.assertScope(cityId, changes.scope);
    const { version, position } = await this.aggregates.handle(
      cityId,
      mandateDecider,
      mandateStream(mandateId),
      { type: 'AmendMandate', organisationId, ...changes },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
