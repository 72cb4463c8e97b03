import { AppendResult, EventMetadata, HandleOptions } from '@rl/event-store';
import { InMemoryAggregates } from '@rl/event-store/testing';
import { CityId, Decider, DomainEvent } from '@rl/kernel';
import { BudgetLedger, BudgetTx, codeKey } from '../persistence/budget-ledger';

// The budget ledger in memory, for handler unit tests: aggregates, code reservations and publication
// flags by city, idempotency keys honoured. A refused command's writes are not rolled back (a test ends
// there).
export class InMemoryBudgetLedger extends BudgetLedger {
  readonly aggregates = new InMemoryAggregates();
  readonly codes = new Map<string, string>();
  readonly published = new Map<string, boolean>();
  private readonly byKey = new Map<string, AppendResult>();

  async write(cityId: CityId, metadata: EventMetadata, work: (tx: BudgetTx) => Promise<AppendResult>) {
    const key = metadata.idempotencyKey === undefined ? undefined : `${cityId}:${metadata.idempotencyKey}`;
    const earlier = key === undefined ? undefined : this.byKey.get(key);
    if (earlier) return earlier;
    const result = await work(this.tx(cityId));
    if (key !== undefined) this.byKey.set(key, result);
    return result;
  }

  private tx(cityId: CityId): BudgetTx {
    const at = (key: string) => `${cityId}:${key}`;
    return {
      handle: <S, C, E extends DomainEvent>(
        decider: Decider<S, C, E>,
        streamId: string,
        command: C,
        // The ledger answers retries; the appends of one transaction share the command's key.
        { metadata: { idempotencyKey: _key, ...metadata }, ...options }: HandleOptions,
      ) => this.aggregates.handle(cityId, decider, streamId, command, { ...options, metadata }),
      load: (decider, streamId) => this.aggregates.load(cityId, decider, streamId),
      missing: (streamIds) =>
        Promise.resolve(streamIds.filter((id) => this.aggregates.eventsOf(cityId, id).length === 0)),
      lockLine: () => Promise.resolve(),
      reserveCode: (year, code, lineId) => {
        const key = at(`${year}/${codeKey(code)}`);
        if (this.codes.has(key)) return Promise.resolve(false);
        this.codes.set(key, lineId);
        return Promise.resolve(true);
      },
      setPublished: (lineId, isPublic) => {
        this.published.set(at(lineId), isPublic);
        return Promise.resolve();
      },
    };
  }
}
