import { EventMetadata, RecordedEvent } from '../event.types';

// Which fields of an event type are a person's data, and whose. The store encrypts them with that
// person's data key on append and decrypts them on read; erasing the person deletes the key.
export interface PersonalFields {
  // Dotted paths into the event's data; absent or null values are left as they are.
  readonly fields: readonly string[];
  // The person (a user id) the fields belong to.
  readonly subject: (event: { data: unknown; metadata: EventMetadata }) => string | undefined;
}

// Declarations of a context, by event type.
export type PersonalDataDeclarations = Record<string, PersonalFields>;

// The author of the event (metadata.actorId): most free text is written by whoever sends the command.
export const byActor = ({ metadata }: { metadata: EventMetadata }) => metadata.actorId;

// What a personal field reads as once its person was erased (the data key is gone), in every read:
// the audit log, aggregates, read models.
export const ERASED = '[erased]';

// Recorded in each city where a person's data keys were deleted. It names the person by id only; the
// read models that hold copies of their text replace it with ERASED.
export const PERSON_DATA_ERASED = 'PersonDataErased';
export interface PersonDataErasedData {
  subjectId: string;
  keyIds: string[];
}
export const personStream = (subjectId: string) => `person-${subjectId}`;

export type ErasureSegment =
  { kind: 'events'; events: RecordedEvent[] } | { kind: 'erasure'; subjectId: string };

// A projection batch cut at each erasure, in log order: the events before an erasure are written before
// it blanks what they wrote, and text written after it (under a new key) is left alone.
export function erasureSegments(events: readonly RecordedEvent[]): ErasureSegment[] {
  const segments: ErasureSegment[] = [];
  for (const event of events) {
    if (event.type === PERSON_DATA_ERASED) {
      segments.push({ kind: 'erasure', subjectId: (event.data as PersonDataErasedData).subjectId });
      continue;
    }
    const last = segments[segments.length - 1];
    if (last?.kind === 'events') last.events.push(event);
    else segments.push({ kind: 'events', events: [event] });
  }
  return segments;
}
