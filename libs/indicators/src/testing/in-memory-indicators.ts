import { AppendResult, EventMetadata } from '@rl/event-store';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { CityId } from '@rl/kernel';
import { DefineIndicator, indicatorDecider } from '../domain/indicator.decider';
import { indicatorStream } from '../domain/indicator.events';
import { CityLocales } from '../persistence/city-locales.repository';
import { GlossaryTerms } from '../persistence/glossary-terms.repository';
import { codeKey, codeTaken, IndicatorCodes } from '../persistence/indicator-codes.repository';

export class InMemoryCityLocales implements CityLocales {
  constructor(private readonly locale = 'nl') {}

  defaultLocale(): Promise<string> {
    return Promise.resolve(this.locale);
  }
}

// Codes held per city next to the aggregates; a retry under the same idempotency key gets the first result.
export class InMemoryIndicatorCodes implements IndicatorCodes {
  private readonly taken = new Set<string>();
  private readonly results = new Map<string, AppendResult>();

  constructor(readonly aggregates = new InMemoryAggregates()) {}

  async define(cityId: CityId, command: DefineIndicator, metadata: EventMetadata): Promise<AppendResult> {
    const retry = metadata.idempotencyKey && this.results.get(`${cityId}/${metadata.idempotencyKey}`);
    if (retry) return retry;
    const code = `${cityId}/${codeKey(command.definition.code)}`;
    if (this.taken.has(code)) throw codeTaken(command.definition.code);
    const stream = indicatorStream(command.indicatorId);
    const result = await this.aggregates.handle(cityId, indicatorDecider, stream, command, {
      expected: 0,
      metadata,
    });
    this.taken.add(code);
    if (metadata.idempotencyKey) this.results.set(`${cityId}/${metadata.idempotencyKey}`, result);
    return result;
  }
}

// The terms each city's glossary holds.
export class InMemoryGlossaryTerms extends GlossaryTerms {
  private readonly known = new Set<string>();

  given(cityId: CityId, ...termIds: string[]): this {
    for (const id of termIds) this.known.add(`${cityId}/${id}`);
    return this;
  }

  unknown(cityId: CityId, ids: readonly string[]): Promise<string[]> {
    return Promise.resolve(ids.filter((id) => !this.known.has(`${cityId}/${id}`)));
  }
}
