import { Injectable } from '@nestjs/common';
import { EventStore, RecordedEvent } from '@rl/event-store';
import { CityId, isEventOf } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import {
  GLOSSARY_TERM_EVENT_TYPES,
  GlossaryTermEvent,
  glossaryTermStream,
} from '../domain/glossary-term.events';
import { TermRow } from '../projections/term-row';
import { GlossaryTermRecord } from './glossary.entities';

// The glossary-terms read model, and a term's stream for what the read model does not keep (its past).
export abstract class GlossaryTermsReadModel {
  abstract byId(cityId: CityId, id: string): Promise<TermRow | null>;
  // Every term of the city (a glossary holds tens to hundreds), oldest first.
  abstract all(cityId: CityId): Promise<TermRow[]>;
  // The ids of the adopted or deprecated terms that name this one broader.
  abstract narrowerOf(cityId: CityId, id: string): Promise<string[]>;
  // The term's events, up to an instant if given.
  abstract stream(cityId: CityId, id: string, asOf?: Date): Promise<RecordedEvent<GlossaryTermEvent>[]>;
}

const toRow = ({ tenantId: _, ...row }: GlossaryTermRecord): TermRow => row;

@Injectable()
export class PgGlossaryTermsReadModel implements GlossaryTermsReadModel {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
  ) {}

  async byId(cityId: CityId, id: string): Promise<TermRow | null> {
    const record = await this.db.inCity(cityId, (em) =>
      em.findOneBy(GlossaryTermRecord, { tenantId: cityId, id }),
    );
    return record && toRow(record);
  }

  async all(cityId: CityId): Promise<TermRow[]> {
    const records = await this.db.inCity(cityId, (em) =>
      em.find(GlossaryTermRecord, { where: { tenantId: cityId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    );
    return records.map(toRow);
  }

  async narrowerOf(cityId: CityId, id: string): Promise<string[]> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ id: string }[]>(
        `SELECT id FROM glossary_terms
          WHERE tenant_id = $1 AND status IN ('adopted', 'deprecated') AND content->'broader' ? $2 ORDER BY id`,
        [cityId, id],
      ),
    );
    return rows.map((r) => r.id);
  }

  async stream(cityId: CityId, id: string, asOf?: Date): Promise<RecordedEvent<GlossaryTermEvent>[]> {
    const events = await this.events.readStream(cityId, glossaryTermStream(id), { asOf });
    return events.filter((e) => isEventOf<GlossaryTermEvent>(GLOSSARY_TERM_EVENT_TYPES, e));
  }
}
