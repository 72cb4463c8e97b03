import { CityId } from '@rl/kernel';

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

export interface NewEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

export interface RecordedEvent<D = unknown> {
  cityId: CityId;
  position: number;
  streamId: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: D;
  metadata: EventMetadata;
  recordedAt: Date;
  prevHash: string;
  hash: string;
}

export interface AppendResult {
  streamId: string;
  // The city's position of the last appended event, and the stream's new version.
  position: number;
  version: number;
}

// Expected stream version: a number (0 = the stream must not exist yet) or 'any'.
export type ExpectedVersion = number | 'any';
