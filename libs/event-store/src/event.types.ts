import { CityId, DomainEvent } from '@rl/kernel';

// Who and what caused an event. Never holds passwords, tokens or other secrets.
export interface EventMetadata {
  actorId?: string;
  actorRole?: string;
  organisationId?: string | null;
  requestId?: string;
  correlationId?: string;
  causationId?: string;
  // Scoped to (actor, route, client key) by the web layer; the fingerprint hashes the request it named.
  idempotencyKey?: string;
  requestFingerprint?: string;
}

export type NewEvent<T extends string = string, D = unknown> = DomainEvent<T, D>;

// Where and when an event was recorded, and the hash chain that seals it.
export interface EventEnvelope {
  cityId: CityId;
  position: number;
  streamId: string;
  version: number;
  eventId: string;
  schemaVersion: number;
  metadata: EventMetadata;
  recordedAt: Date;
  prevHash: string;
  hash: string;
}

// A stored event: its envelope and a context's event (any event when E is left out). Narrow an untyped
// one with `isEventOf` (libs/kernel).
export type RecordedEvent<E extends DomainEvent = DomainEvent> = EventEnvelope & E;

export interface AppendResult {
  streamId: string;
  // The city's position of the last appended event, and the stream's new version.
  position: number;
  version: number;
}

// Expected stream version: a number (0 = the stream must not exist yet) or 'any'.
export type ExpectedVersion = number | 'any';
