import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { CityLocale } from '../../city-locale';
import { LocalisedText } from '../../domain/indicator.events';
import { CreatedIndicatorView } from '../../indicator.view';
import { GlossaryTerms } from '../../persistence/glossary-terms.repository';
import { IndicatorCodes } from '../../persistence/indicator-codes.repository';
import { DefineIndicatorCommand } from './define-indicator.command';

@CommandHandler(DefineIndicatorCommand)
export class DefineIndicatorHandler implements ICommandHandler<DefineIndicatorCommand, CreatedIndicatorView> {
  constructor(
    private readonly codes: IndicatorCodes,
    private readonly locale: CityLocale,
    private readonly terms: GlossaryTerms,
  ) {}

  async execute({ cityId, input, metadata }: DefineIndicatorCommand): Promise<CreatedIndicatorView> {
    await this.terms.assertKnown(cityId, input.terms);
    const indicatorId = uuidv7();
    const { status, name, description, ...rest } = input;
    const texts = await this.locale.localise(cityId, { name, description }, ['name', 'description']);
    const definition = {
      ...rest,
      name: texts.name as LocalisedText,
      ...(texts.description ? { description: texts.description } : {}),
      disaggregations: rest.disaggregations ?? [],
      frameworkRefs: rest.frameworkRefs ?? [],
    };
    const result = await this.codes.define(
      cityId,
      { type: 'DefineIndicator', indicatorId, definition, activate: status === 'active' },
      metadata,
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return {
      id: result.streamId.replace(/^indicator-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
