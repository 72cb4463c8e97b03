import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { EventStore } from '@rl/event-store';
import { DomainError } from '@rl/kernel';
import { CityLocale } from '../../city-locale';
import { decideIndicator, initialIndicatorState } from '../../domain/indicator.decider';
import { indicatorStream, LocalisedText } from '../../domain/indicator.events';
import { CreatedIndicatorView } from '../../indicator.view';
import { DefineIndicatorCommand } from './define-indicator.command';

export const codeKey = (code: string) => code.trim().toUpperCase();

@CommandHandler(DefineIndicatorCommand)
export class DefineIndicatorHandler implements ICommandHandler<DefineIndicatorCommand, CreatedIndicatorView> {
  constructor(
    private readonly events: EventStore,
    private readonly locale: CityLocale,
  ) {}

  async execute({ cityId, input, metadata }: DefineIndicatorCommand): Promise<CreatedIndicatorView> {
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
    const events = decideIndicator(
      { type: 'DefineIndicator', indicatorId, definition, activate: status === 'active' },
      initialIndicatorState,
    );
    const stream = indicatorStream(indicatorId);
    // The code is reserved in the transaction that appends (append last): of two concurrent definitions
    // with one code, the second waits on the first's row and then finds it taken.
    const result = await this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, async (tx) => {
        const reserved = await tx.em.query<unknown[]>(
          `INSERT INTO indicator_codes (tenant_id, code, indicator_id) VALUES ($1, $2, $3)
           ON CONFLICT (tenant_id, code) DO NOTHING RETURNING code`,
          [cityId, codeKey(definition.code), indicatorId],
        );
        if (reserved.length === 0) {
          throw new DomainError(
            'conflict',
            'INDICATOR.CODE_TAKEN',
            `The code ${definition.code} is already used by another indicator of this city`,
            [{ field: 'code', message: `${definition.code} is already taken` }],
            { code: definition.code },
          );
        }
        return tx.append(stream, 0, events, metadata);
      }),
    );
    // A retry with the same Idempotency-Key gets the first result, whose stream names the first id.
    return {
      id: result.streamId.replace(/^indicator-/, ''),
      version: result.version,
      position: result.position,
    };
  }
}
