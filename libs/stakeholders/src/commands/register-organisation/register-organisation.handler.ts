import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@rl/event-store';
import { decideOrganisation, initialOrganisationState } from '../../domain/organisation.decider';
import { organisationStream } from '../../domain/organisation.events';
import { CreatedOrganisationView } from '../../organisation.view';
import { RegisterOrganisationCommand } from './register-organisation.command';

@CommandHandler(RegisterOrganisationCommand)
export class RegisterOrganisationHandler implements ICommandHandler<
  RegisterOrganisationCommand,
  CreatedOrganisationView
> {
  constructor(private readonly events: EventStore) {}

  async execute({ cityId, input, metadata }: RegisterOrganisationCommand): Promise<CreatedOrganisationView> {
    const organisationId = uuidv7();
    const events = decideOrganisation(
      { type: 'RegisterOrganisation', organisationId, ...input },
      initialOrganisationState,
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    const result = await this.events.append(cityId, organisationStream(organisationId), 0, events, metadata);
    return {
      id: result.streamId.replace(/^organisation-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
