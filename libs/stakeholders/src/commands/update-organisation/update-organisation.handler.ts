import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { organisationDecider } from '../../domain/organisation.decider';
import { organisationStream } from '../../domain/organisation.events';
import { UpdateOrganisationCommand } from './update-organisation.command';

@CommandHandler(UpdateOrganisationCommand)
export class UpdateOrganisationHandler implements ICommandHandler<
  UpdateOrganisationCommand,
  WriteResultView
> {
  constructor(private readonly aggregates: Aggregates) {}

  async execute({
    cityId,
    organisationId,
    expectedVersion,
    changes,
    metadata,
  }: UpdateOrganisationCommand): Promise<WriteResultView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      organisationDecider,
      organisationStream(organisationId),
      { type: 'UpdateOrganisation', ...changes },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
