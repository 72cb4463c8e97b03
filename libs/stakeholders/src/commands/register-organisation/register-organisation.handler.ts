import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Aggregates } from '@rl/event-store';
import { organisationDecider } from '../../domain/organisation.decider';
import { organisationStream } from '../../domain/organisation.events';
import { CreatedOrganisationView } from '../../organisation.view';
import { RegisterOrganisationCommand } from './register-organisation.command';

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<
  RegisterOrganisationCommand,
  CreatedOrganisationView
> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({ cityId, input, metadata }: RegisterOrganisationCommand): Promise<CreatedOrganisationView> {
    const organisationId = uuidv7();
    const result = await this.aggregates.handle(
      cityId,
      organisationDecider,
      organisationStream(organisationId),
      { type: 'RegisterOrganisation', organisationId, ...input },
      { expected: 0, metadata },
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return {
      id: result.streamId.replace(/^organisation-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
