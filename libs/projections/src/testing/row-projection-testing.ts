import { EventEnvelope, RecordedEvent } from '@rl/event-store';
import { asCityId, DomainEvent } from '@rl/kernel';
import { DELETE, foldRows, keyString, RowProjectionDeclaration } from '../row-declaration';

const CITY = asCityId('00000000-0000-7000-8000-00000000c171');
const T0 = Date.parse('2026-01-01T00:00:00Z');
let position = 0;

// An event as the store would hand it to a projection: the next position, a second later than the
// previous one, version 1 and no actor unless `envelope` says otherwise.
export function recorded<E extends DomainEvent>(
  event: E,
  envelope: Partial<EventEnvelope> = {},
): RecordedEvent<E> {
  position += 1;
  return {
    cityId: CITY,
    position,
    streamId: 'stream',
    version: 1,
    eventId: `event-${position}`,
    schemaVersion: 1,
    metadata: {},
    recordedAt: new Date(T0 + position * 1_000),
    prevHash: '',
    hash: '',
    ...envelope,
    ...event,
  };
}

// The row `events` leave for the key of the first of them, folded as the writer folds a batch (replays
// of a versioned row skipped), from `row` when given; undefined when there is none or it was deleted.
export function rowAfter<Row extends object, E extends DomainEvent>(
  projection: { declaration: RowProjectionDeclaration<Row, E> },
  events: readonly RecordedEvent<E>[],
  row?: Row,
): Row | undefined {
  const { declaration } = projection;
  const key = keyString(declaration.keyOf(events[0]));
  const loaded = new Map(row ? [[key, row]] : []);
  const change = foldRows(declaration, loaded, events).get(key);
  if (!change) return row;
  return change.row === DELETE ? undefined : change.row;
}
