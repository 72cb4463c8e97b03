import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { EventStore, streamConflict } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { decideOrganisation } from '../../domain/organisation.decider';
import { organisationStream } from '../../domain/organisation.events';
import { OrganisationHistory } from '../../organisation-history';
import { UpdateOrganisationCommand } from './update-organisation.command';

@CommandHandler(UpdateOrganisationCommand)
export class UpdateOrganisationHandler implements ICommandHandler<
  UpdateOrganisationCommand,
  WriteResultView
> {
  constructor(
    private readonly events: EventStore,
    private readonly history: OrganisationHistory,
  ) {}

  async execute({
    cityId,
    organisationId,
    expectedVersion,
    changes,
    metadata,
  }: UpdateOrganisationCommand): Promise<WriteResultView> {
    if (changes.name === undefined && changes.kind === undefined) {
      throw new DomainError(
        'bad_request',
        'ORGANISATION.NOTHING_TO_CHANGE',
        'Give at least one of name, kind',
      );
    }
    const stream = organisationStream(organisationId);
    return this.events
      .idempotent(cityId, metadata, async () => {
        const current = await this.history.load(cityId, organisationId);
        const events = decideOrganisation({ type: 'UpdateOrganisation', ...changes }, current.state);
        if (expectedVersion !== current.version)
          throw streamConflict(stream, current.version, expectedVersion);
        // Nothing changed: nothing is recorded, and the client learns the version it already has.
        if (events.length === 0)
          return { streamId: stream, version: current.version, position: current.position };
        // The store re-checks the version under the city's head lock, so a concurrent change still conflicts.
        return this.events.appendAlone(cityId, stream, expectedVersion, events, metadata);
      })
      .then(({ version, position }) => ({ version, position }));
  }
}
