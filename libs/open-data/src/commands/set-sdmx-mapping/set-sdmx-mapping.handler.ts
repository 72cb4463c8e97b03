import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { indicatorDecider, IndicatorErrors, indicatorStream } from '@rl/indicators';
import { SdmxMapping, unmappedOf } from '../../domain/sdmx-mapping';
import { mappingProblems, sdmxMappingDecider } from '../../domain/sdmx-mapping.decider';
import { SdmxErrors } from '../../domain/sdmx-mapping.errors';
import { sdmxMappingStream } from '../../domain/sdmx-mapping.events';
import { SdmxObservedData } from '../../persistence/sdmx-observed.repository';
import { unmappedError } from '../../read/export-formats';
import { SetSdmxMappingCommand } from './set-sdmx-mapping.command';

@CommandHandler(SetSdmxMappingCommand)
export class SetSdmxMappingHandler implements ICommandHandler<SetSdmxMappingCommand> {
  constructor(
    private readonly aggregates: Aggregates,
    private readonly observed: SdmxObservedData,
  ) {}

  async execute({ cityId, indicatorId, input, dryRun, expectedVersion, metadata }: SetSdmxMappingCommand) {
    const indicator = await this.aggregates.load(cityId, indicatorDecider, indicatorStream(indicatorId));
    if (!indicator.state.exists) {
      throw IndicatorErrors.NOT_FOUND({ message: `No indicator ${indicatorId} in this city` });
    }
    const mapping: SdmxMapping = { ...input, unitMult: input.unitMult ?? 0 };
    if (!dryRun) {
      const { version, position } = await this.aggregates.handle(
        cityId,
        sdmxMappingDecider,
        sdmxMappingStream(indicatorId),
        { type: 'SetSdmxMapping', indicatorId, mapping },
        { expected: expectedVersion, metadata },
      );
      return { version, position };
    }
    const errors = mappingProblems(mapping);
    if (errors.length > 0) throw SdmxErrors.INVALID_MAPPING({ errors });
    // The declared values and those found in the validated data (older definitions included).
    const declared = indicator.state.definition.disaggregations.flatMap(({ dimension, values }) =>
      values.map((v) => ({ [dimension]: v })),
    );
    const found = [...declared, ...(await this.observed.disaggregations(cityId, indicatorId))];
    const dimensions = [...new Set(found.flatMap((d) => Object.keys(d)))];
    const unmapped = unmappedOf(
      mapping,
      dimensions,
      found.map((disaggregation) => ({ disaggregation })),
    );
    if (unmapped.length > 0) throw unmappedError(unmapped);
    return { unmapped };
  }
}
