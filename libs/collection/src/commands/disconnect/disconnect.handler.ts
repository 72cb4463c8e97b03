import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { connectionDecider } from '../../domain/connection.decider';
import { connectionStream } from '../../domain/connection.events';
import { CollectionStore } from '../../persistence/collection.store';
import { DisconnectCommand } from './disconnect.command';

// Stops pulls and pushes for good (the runs and records stay); disconnecting twice changes nothing.
@CommandHandler(DisconnectCommand)
export class DisconnectHandler implements ICommandHandler<DisconnectCommand, WriteResultView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly store: CollectionStore,
  ) {}

  async execute({ cityId, connectionId, metadata }: DisconnectCommand): Promise<WriteResultView> {
    const { version, position } = await this.aggregates.handle(
      cityId,
      connectionDecider,
      connectionStream(connectionId),
      { type: 'Disconnect' },
      { expected: 'any', metadata },
    );
    // After the event: a push accepted in between is a run the runner drops (the connection is inactive).
    await this.store.forgetPushToken(cityId, connectionId);
    return { version, position };
  }
}
