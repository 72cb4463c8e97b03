import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { indicatorStream } from '@rl/indicators';
import { DomainError } from '@rl/kernel';
import { PublicationView } from '../../comparisons.view';
import { appendPublicationChange } from './append-publication-change';
import { SetPublicationCommand } from './set-publication.command';

@CommandHandler(SetPublicationCommand)
export class SetPublicationHandler implements ICommandHandler<SetPublicationCommand, PublicationView> {
  constructor(private readonly events: EventStore) {}

  async execute({ cityId, indicatorId, input, metadata }: SetPublicationCommand): Promise<PublicationView> {
    const definition = await this.events.readStream(cityId, indicatorStream(indicatorId), { version: 1 });
    if (definition.length === 0)
      throw new DomainError('not_found', 'INDICATOR.NOT_FOUND', `No indicator ${indicatorId} in this city`);
    const change = { indicatorId, comparable: input.comparable, public: input.public };
    const { version, position } = await this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, (tx) => appendPublicationChange(tx, change, metadata)),
    );
    return { ...change, version, position };
  }
}
