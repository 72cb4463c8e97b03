import { CityId, Decider, DomainEvent } from '@rl/kernel';
import { Aggregate, aggregate, Aggregates, decideAgainst, HandleOptions } from '../aggregates';
import { AppendResult, RecordedEvent } from '../event.types';
import { keyReused } from '../idempotency.errors';

// The Aggregates port in memory, for handler unit tests: one log per city, positions and versions as
// the store gives them, expected-version checks and idempotency keys honoured.
export class InMemoryAggregates implements Aggregates {
  private readonly log: RecordedEvent[] = [];
  private readonly byKey = new Map<string, { result: AppendResult; fingerprint?: string }>();

  // Seeds a stream with past events (as if recorded earlier).
  given(cityId: CityId, streamId: string, events: readonly DomainEvent[]): this {
    if (events.length > 0) this.record(cityId, streamId, events, {});
    return this;
  }

  // The events recorded on a stream, without their envelopes.
  eventsOf(cityId: CityId, streamId: string): DomainEvent[] {
    return this.stream(cityId, streamId).map(({ type, data }) => ({ type, data }));
  }

  async load<S, C, E extends DomainEvent>(
    cityId: CityId,
    decider: Decider<S, C, E>,
    streamId: string,
    until: { version?: number; asOf?: Date } = {},
  ): Promise<Aggregate<S>> {
    const events = this.stream(cityId, streamId).filter(
      (e) =>
        (until.version === undefined || e.version <= until.version) &&
        (!until.asOf || e.recordedAt <= until.asOf),
    );
    return Promise.resolve(aggregate(decider, events));
  }

  async handle<S, C, E extends DomainEvent>(
    cityId: CityId,
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    { expected, metadata }: HandleOptions,
  ): Promise<AppendResult> {
    const key = metadata.idempotencyKey === undefined ? undefined : `${cityId}:${metadata.idempotencyKey}`;
    const earlier = key === undefined ? undefined : this.byKey.get(key);
    if (earlier) {
      // As the store does: the same key with another request is refused, not answered with the first.
      const given = metadata.requestFingerprint;
      if (given !== undefined && earlier.fingerprint !== undefined && given !== earlier.fingerprint) {
        throw keyReused();
      }
      return earlier.result;
    }
    const current = await this.load(cityId, decider, streamId);
    const decided = decideAgainst(decider, streamId, command, current, expected);
    if (decided.length === 0) return { streamId, version: current.version, position: current.position };
    const result = this.record(cityId, streamId, decided, metadata);
    if (key !== undefined) this.byKey.set(key, { result, fingerprint: metadata.requestFingerprint });
    return result;
  }

  private stream(cityId: CityId, streamId: string): RecordedEvent[] {
    return this.log.filter((e) => e.cityId === cityId && e.streamId === streamId);
  }

  private record(
    cityId: CityId,
    streamId: string,
    events: readonly DomainEvent[],
    metadata: HandleOptions['metadata'],
  ): AppendResult {
    if (events.length === 0) throw new Error(`Nothing to append to ${streamId}`);
    let version = this.stream(cityId, streamId).length;
    for (const { type, data } of events) {
      this.log.push({
        cityId,
        streamId,
        type,
        // Through JSON, as jsonb stores it: dates become strings, undefined fields vanish.
        data: JSON.parse(JSON.stringify(data)) as unknown,
        version: ++version,
        position: this.log.filter((e) => e.cityId === cityId).length + 1,
        eventId: `event-${this.log.length + 1}`,
        schemaVersion: 1,
        metadata,
        recordedAt: new Date(),
        prevHash: '',
        hash: '',
      });
    }
    const last = this.log[this.log.length - 1];
    return { streamId, version: last.version, position: last.position };
  }
}
