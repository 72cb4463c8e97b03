import { Injectable } from '@nestjs/common';
import { AppendResult, EventMetadata, EventStore, EventStoreAggregates } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { DefineIndicator, indicatorDecider } from '../domain/indicator.decider';
import { IndicatorErrors } from '../domain/indicator.errors';
import { indicatorStream } from '../domain/indicator.events';

// Codes are unique in a city whatever their case or surrounding white space.
export const codeKey = (code: string) => code.trim().toUpperCase();

export const codeTaken = (code: string) =>
  IndicatorErrors.CODE_TAKEN({
    message: `The code ${code} is already used by another indicator of this city`,
    errors: [{ field: 'code', message: `${code} is already taken` }],
    details: { code },
  });

// New indicators under the city's unique codes.
export abstract class IndicatorCodes {
  // Records a new indicator holding its code, or refuses with INDICATOR.CODE_TAKEN; a retry under the
  // same idempotency key answers with the first result.
  abstract define(cityId: CityId, command: DefineIndicator, metadata: EventMetadata): Promise<AppendResult>;
}

@Injectable()
export class PgIndicatorCodes implements IndicatorCodes {
  constructor(
    private readonly events: EventStore,
    private readonly aggregates: EventStoreAggregates,
  ) {}

  // The code is reserved in the transaction that appends (append last): of two concurrent definitions
  // with one code, the second waits on the first's row and then finds it taken.
  define(cityId: CityId, command: DefineIndicator, metadata: EventMetadata): Promise<AppendResult> {
    const { indicatorId, definition } = command;
    return this.events.idempotent(cityId, metadata, () =>
      this.events.transact(cityId, async (tx) => {
        const reserved = await tx.em.query<unknown[]>(
          `INSERT INTO indicator_codes (tenant_id, code, indicator_id) VALUES ($1, $2, $3)
           ON CONFLICT (tenant_id, code) DO NOTHING RETURNING code`,
          [cityId, codeKey(definition.code), indicatorId],
        );
        if (reserved.length === 0) throw codeTaken(definition.code);
        return this.aggregates.handleIn(tx, indicatorDecider, indicatorStream(indicatorId), command, {
          expected: 0,
          metadata,
        });
      }),
    );
  }
}
