import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { mandateDecider } from '../../domain/mandate.decider';
import { mandateStream } from '../../domain/mandate.events';
import { RevokeMandateCommand } from './revoke-mandate.command';

@CommandHandler(RevokeMandateCommand)
export class RevokeMandateHandler implements ICommandHandler<RevokeMandateCommand, WriteResultView> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute(command: RevokeMandateCommand): Promise<WriteResultView> {
    const { cityId, organisationId, mandateId, expectedVersion, reason, metadata } = command;
    const { version, position } = await this.aggregates.handle(
      cityId,
      mandateDecider,
      mandateStream(mandateId),
      { type: 'RevokeMandate', organisationId, reason },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
