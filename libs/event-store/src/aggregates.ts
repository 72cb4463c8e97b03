import { Injectable } from '@nestjs/common';
import { CityId, Decider, DomainEvent, foldEvents } from '@rl/kernel';
import { EventStore, EventTransaction } from './event-store';
import { AppendResult, EventMetadata, ExpectedVersion, RecordedEvent } from './event.types';
import { streamConflict } from './stream-conflict';

// An aggregate rebuilt from its stream: its state, its last event's version and position (0 when the
// stream is empty), and when it began and last changed.
export interface Aggregate<S> {
  state: S;
  version: number;
  position: number;
  createdAt?: Date;
  updatedAt?: Date;
}

export function aggregate<S, C, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  events: readonly RecordedEvent[],
): Aggregate<S> {
  const last = events[events.length - 1];
  return {
    state: foldEvents(decider, events),
    version: last?.version ?? 0,
    position: last?.position ?? 0,
    createdAt: events[0]?.recordedAt,
    updatedAt: last?.recordedAt,
  };
}

export interface HandleOptions {
  // The version the client last saw (If-Match, or 0 for a new stream); a mismatch is a conflict. Left out,
  // the loaded version: the decision then stands only if no event came in between.
  expected?: ExpectedVersion;
  // Who asked, and the idempotency key under which a retry returns the first result.
  metadata: EventMetadata;
}

// The port through which command handlers reach their aggregates (an in-memory one for unit tests lives
// in @rl/event-store/testing). Every command on an aggregate, one way: load the stream, decide, check
// the expected version, append. Nothing to record (decide returned no events) answers with the version
// the client already has; a retry under the same idempotency key answers with the first result.
export abstract class Aggregates {
  abstract load<S, C, E extends DomainEvent>(
    cityId: CityId,
    decider: Decider<S, C, E>,
    streamId: string,
    until?: { version?: number; asOf?: Date },
  ): Promise<Aggregate<S>>;

  abstract handle<S, C, E extends DomainEvent>(
    cityId: CityId,
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    options: HandleOptions,
  ): Promise<AppendResult>;
}

// Aggregates in the city's event log.
@Injectable()
export class EventStoreAggregates implements Aggregates {
  constructor(private readonly events: EventStore) {}

  async load<S, C, E extends DomainEvent>(
    cityId: CityId,
    decider: Decider<S, C, E>,
    streamId: string,
    until: { version?: number; asOf?: Date } = {},
  ): Promise<Aggregate<S>> {
    return aggregate(decider, await this.events.readStream(cityId, streamId, until));
  }

  handle<S, C, E extends DomainEvent>(
    cityId: CityId,
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    { expected, metadata }: HandleOptions,
  ): Promise<AppendResult> {
    return this.events.idempotent(cityId, metadata, async () => {
      const current = await this.load(cityId, decider, streamId);
      const decided = decideAgainst(decider, streamId, command, current, expected);
      if (decided.length === 0) return { streamId, version: current.version, position: current.position };
      // The store re-checks the version under the city's head lock, so a concurrent change still conflicts.
      return this.events.appendAlone(cityId, streamId, expected ?? current.version, decided, metadata);
    });
  }

  // The same inside a transaction that writes more (other streams, read-side keys); the caller wraps the
  // transaction in `EventStore.idempotent` when it takes an idempotency key.
  async handleIn<S, C, E extends DomainEvent>(
    tx: EventTransaction,
    decider: Decider<S, C, E>,
    streamId: string,
    command: C,
    { expected, metadata }: HandleOptions,
  ): Promise<AppendResult> {
    const current = aggregate(decider, await this.events.readStream(tx.cityId, streamId, {}, tx.em));
    const decided = decideAgainst(decider, streamId, command, current, expected);
    if (decided.length === 0) return { streamId, version: current.version, position: current.position };
    return tx.append(streamId, expected ?? current.version, decided, metadata);
  }
}

// Decides first, so that a missing aggregate reads as "not found" rather than as a version conflict.
export function decideAgainst<S, C, E extends DomainEvent>(
  decider: Decider<S, C, E>,
  streamId: string,
  command: C,
  current: Aggregate<S>,
  expected: ExpectedVersion | undefined,
): E[] {
  const decided = decider.decide(command, current.state);
  if (typeof expected === 'number' && expected !== current.version) {
    throw streamConflict(streamId, current.version, expected);
  }
  return decided;
}
