import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EventStore, streamConflict } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { WriteResultView } from '@rl/web';
import { CityLocale } from '../../city-locale';
import { decideIndicator, DefinitionPatch } from '../../domain/indicator.decider';
import { indicatorStream, LocalisedText } from '../../domain/indicator.events';
import { IndicatorHistory } from '../../indicator-history';
import { UpdateIndicatorCommand } from './update-indicator.command';

@CommandHandler(UpdateIndicatorCommand)
export class UpdateIndicatorHandler implements ICommandHandler<UpdateIndicatorCommand, WriteResultView> {
  constructor(
    private readonly events: EventStore,
    private readonly history: IndicatorHistory,
    private readonly locale: CityLocale,
  ) {}

  async execute({
    cityId,
    indicatorId,
    expectedVersion,
    changes,
    metadata,
  }: UpdateIndicatorCommand): Promise<WriteResultView> {
    if (Object.values(changes).every((value) => value === undefined)) {
      throw new DomainError(
        'bad_request',
        'INDICATOR.NOTHING_TO_CHANGE',
        'Give at least one field to change',
      );
    }
    const { code, status, name, description, ...rest } = changes;
    const plain = typeof name === 'string' || typeof description === 'string';
    const defaultLocale = plain ? await this.locale.defaultLocale(cityId) : '';
    const stream = indicatorStream(indicatorId);
    return this.events
      .idempotent(cityId, metadata, async () => {
        const current = await this.history.load(cityId, indicatorId);
        // A plain string changes the default-locale text and keeps the translations; an object replaces all.
        const text = (given: typeof name, before: LocalisedText | undefined) =>
          typeof given === 'string' ? { ...before, [defaultLocale]: given } : given;
        const before = current.state.exists ? current.state.definition : undefined;
        const patch = {
          ...rest,
          ...(name !== undefined ? { name: text(name, before?.name) } : {}),
          ...(description !== undefined ? { description: text(description, before?.description) } : {}),
        } as DefinitionPatch;
        const events = decideIndicator(
          { type: 'UpdateIndicator', changes: patch, code, status },
          current.state,
        );
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
