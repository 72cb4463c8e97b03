import { EntityManager } from 'typeorm';
import { erasureSegments, PERSON_DATA_ERASED, RecordedEvent } from '@rl/event-store';
import { CityId, DomainEvent, isEventOf } from '@rl/kernel';
import { Projection, ReplayNotes } from './projection';
import { foldRows, keyString, RowProjectionDeclaration } from './row-declaration';
import { RowWriter } from './row-writer';

// The Projection a declaration stands for: per batch (cut at each erasure), one read of the touched
// rows, a fold in memory, one upsert and one delete.
export class RowProjection<Row extends object, E extends DomainEvent> implements Projection {
  readonly name: string;
  readonly handles: readonly string[];
  readonly tables: readonly string[];
  readonly replay?: ReplayNotes;
  private readonly writer: RowWriter<Row>;

  constructor(readonly declaration: RowProjectionDeclaration<Row, E>) {
    this.name = declaration.name;
    this.handles = declaration.personalText
      ? [...declaration.handles, PERSON_DATA_ERASED]
      : declaration.handles;
    this.tables = [declaration.table];
    this.replay = declaration.replay;
    this.writer = new RowWriter(declaration);
  }

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    for (const segment of erasureSegments(events)) {
      if (segment.kind === 'erasure') await this.writer.erase(em, cityId, segment.subjectId);
      else await this.fold(em, cityId, segment.events);
    }
  }

  private async fold(em: EntityManager, cityId: CityId, all: readonly RecordedEvent[]): Promise<void> {
    const events = all.filter((event) => isEventOf<E>(this.declaration.handles, event));
    if (events.length === 0) return;
    const keys = new Map(events.map((event) => this.declaration.keyOf(event)).map((k) => [keyString(k), k]));
    const loaded = await this.writer.load(em, cityId, [...keys.values()]);
    await this.writer.write(em, cityId, foldRows(this.declaration, loaded, events));
  }
}

// A projection class from its declaration, to register as a provider:
//   @Injectable() @ProjectionDefinition() export class XProjection extends rowProjection<Row, XEvent>({…}) {}
export function rowProjection<Row extends object, E extends DomainEvent>(
  declaration: RowProjectionDeclaration<Row, E>,
): new () => RowProjection<Row, E> {
  return class extends RowProjection<Row, E> {
    constructor() {
      super(declaration);
    }
  };
}
