import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CityId } from '@rl/kernel';
import { EventSchemas } from '../event-schemas';
import { EventMetadata } from '../event.types';
import { isEnvelope, openValue, PersonalEnvelope, sealValue } from './envelope';
import { ERASED } from './personal-fields';
import { PersonalDataKeys } from './personal-data-keys';

export interface SealableEvent {
  eventId: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

type Json = Record<string, unknown>;

const valueAt = (data: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Json | null | undefined)?.[key], data);

function setAt(data: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<unknown>((v, key) => (v as Json)[key], data) as Json;
  parent[keys[keys.length - 1]] = value;
}

// Every envelope in a value, with its path (object keys and array indexes joined by dots).
function envelopesIn(value: unknown, path: string, found: { path: string; envelope: PersonalEnvelope }[]) {
  if (isEnvelope(value)) found.push({ path, envelope: value });
  else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value))
      envelopesIn(inner, path === '' ? key : `${path}.${key}`, found);
  }
  return found;
}

// Crypto-shredding in the event store: personal fields are sealed on append and opened on read, with
// one key query per batch.
@Injectable()
export class PersonalData {
  constructor(
    private readonly schemas: EventSchemas,
    private readonly keys: PersonalDataKeys,
  ) {}

  // Replaces the declared personal fields of `events` by envelopes. `inCity` gives the city transaction
  // that creates missing keys; it is not entered when no event has personal data.
  async seal(
    cityId: CityId,
    events: SealableEvent[],
    inCity: (work: (em: EntityManager) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const sealing = events.flatMap((event) => {
      const personal = this.schemas.personalFields(event.type);
      const paths = personal?.fields.filter((path) => (valueAt(event.data, path) ?? null) !== null) ?? [];
      if (!personal || paths.length === 0) return [];
      const subject = personal.subject(event);
      if (!subject) throw new Error(`${event.type} carries personal data but names no person`);
      return [{ event, paths, subject }];
    });
    if (sealing.length === 0) return;
    await inCity(async (em) => {
      const keys = await this.keys.forSubjects(em, cityId, [...new Set(sealing.map((s) => s.subject))]);
      for (const { event, paths, subject } of sealing) {
        // A copy: the caller's event objects keep their plaintext.
        const data = structuredClone(event.data);
        const key = keys.get(subject);
        if (!key) throw new Error(`No data key for ${subject}`);
        for (const path of paths) {
          setAt(data, path, sealValue(valueAt(data, path), key, { cityId, eventId: event.eventId, path }));
        }
        event.data = data;
      }
    });
  }

  // Opens the envelopes of recorded events' data in place; a field whose key was erased reads ERASED.
  async reveal<T extends { eventId: string; data: unknown }>(
    em: EntityManager,
    cityId: CityId,
    events: T[],
  ): Promise<T[]> {
    const sealed = events.flatMap((event) =>
      envelopesIn(event.data, '', []).map((found) => ({ event, ...found })),
    );
    if (sealed.length === 0) return events;
    const keys = await this.keys.lookup(em, cityId, [
      ...new Set(sealed.map((s) => s.envelope.$personal.keyId)),
    ]);
    for (const { event, path, envelope } of sealed) {
      const key = keys.get(envelope.$personal.keyId);
      const value = key ? openValue(envelope, key, { cityId, eventId: event.eventId, path }) : ERASED;
      if (path === '') event.data = value;
      else setAt(event.data, path, value);
    }
    return events;
  }
}
