import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { WriteResultView } from '@rl/web';
import { indicatorDecider } from '../../domain/indicator.decider';
import { indicatorStream } from '../../domain/indicator.events';
import { CityLocales } from '../../persistence/city-locales.repository';
import { GlossaryTerms } from '../../persistence/glossary-terms.repository';
import { UpdateIndicatorCommand } from './update-indicator.command';

@CommandHandler(UpdateIndicatorCommand)
export class UpdateIndicatorHandler implements ICommandHandler<UpdateIndicatorCommand, WriteResultView> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly locales: CityLocales,
    private readonly terms: GlossaryTerms,
  ) {}

  async execute({
    cityId,
    indicatorId,
    expectedVersion,
    changes,
    metadata,
  }: UpdateIndicatorCommand): Promise<WriteResultView> {
    const { code, status, ...patch } = changes;
    await this.terms.assertKnown(cityId, patch.terms);
    const plain = typeof patch.name === 'string' || typeof patch.description === 'string';
    const defaultLocale = plain ? await this.locales.defaultLocale(cityId) : undefined;
    const { version, position } = await this.aggregates.handle(
      cityId,
      indicatorDecider,
      indicatorStream(indicatorId),
      { type: 'UpdateIndicator', changes: patch, code, status, defaultLocale },
      { expected: expectedVersion, metadata },
    );
    return { version, position };
  }
}
