import { Injectable } from '@nestjs/common';
import { EventStore, RecordedEvent } from '@rl/event-store';
import { CityId, CursorKey, isEventOf } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
import { DATASET_EVENT_TYPES, DatasetEvent, datasetStream } from '../domain/dataset.events';
import { DatasetKind, Sector } from '../domain/dataset-vocabularies';
import { DatasetAssessmentRecord, DatasetRecord } from './dataset.entities';

export interface DatasetFilter {
  kind?: DatasetKind;
  sector?: Sector;
  owner?: string;
  indicatorId?: string;
  // Words in the title or description.
  q?: string;
}

// The catalogue read models, and an entry's stream for what they do not keep (its past).
export abstract class DatasetsReadModel {
  abstract byId(cityId: CityId, id: string): Promise<DatasetRecord | null>;
  // By title, then id, after the keyset cursor.
  abstract page(
    cityId: CityId,
    filter: DatasetFilter,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<DatasetRecord[]>;
  // The assessments of these ids (the latest of each entry of a page).
  abstract assessments(cityId: CityId, ids: readonly string[]): Promise<DatasetAssessmentRecord[]>;
  // An entry's assessments, oldest first, after the keyset cursor.
  abstract assessmentPage(
    cityId: CityId,
    datasetId: string,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<DatasetAssessmentRecord[]>;
  // The entry's events, up to an instant if given.
  abstract stream(cityId: CityId, id: string, asOf?: Date): Promise<RecordedEvent<DatasetEvent>[]>;
}

// LIKE's wildcards in the client's words match themselves.
const likePattern = (words: string) => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class PgDatasetsReadModel implements DatasetsReadModel {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
  ) {}

  byId(cityId: CityId, id: string): Promise<DatasetRecord | null> {
    return this.db.inCity(cityId, (em) => em.findOneBy(DatasetRecord, { tenantId: cityId, id }));
  }

  // IDX_datasets_title serves the keyset; the filters narrow the city's rows.
  page(
    cityId: CityId,
    filter: DatasetFilter,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<DatasetRecord[]> {
    return this.db.inCity(cityId, (em) => {
      const query = em.createQueryBuilder(DatasetRecord, 'd').where('d.tenantId = :cityId', { cityId });
      if (filter.kind) query.andWhere('d.kind = :kind', { kind: filter.kind });
      if (filter.sector) query.andWhere('d.sector = :sector', { sector: filter.sector });
      if (filter.owner) query.andWhere('d.owner = :owner', { owner: filter.owner });
      if (filter.indicatorId)
        query.andWhere('d.indicators @> CAST(:feeds AS jsonb)', {
          feeds: JSON.stringify([filter.indicatorId]),
        });
      if (filter.q)
        query.andWhere('(d.title ILIKE :q OR d.description ILIKE :q)', { q: likePattern(filter.q) });
      return keysetPage(query, ['d.title', 'd.id'], after, limit).getMany();
    });
  }

  assessments(cityId: CityId, ids: readonly string[]): Promise<DatasetAssessmentRecord[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.inCity(cityId, (em) =>
      em
        .createQueryBuilder(DatasetAssessmentRecord, 'a')
        .where('a.tenantId = :cityId AND a.id IN (:...ids)', { cityId, ids })
        .getMany(),
    );
  }

  // Ids are UUIDv7, in the order they were made: the primary key serves the keyset, oldest first.
  assessmentPage(
    cityId: CityId,
    datasetId: string,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<DatasetAssessmentRecord[]> {
    return this.db.inCity(cityId, (em) => {
      const query = em
        .createQueryBuilder(DatasetAssessmentRecord, 'a')
        .where('a.tenantId = :cityId AND a.datasetId = :datasetId', { cityId, datasetId });
      return keysetPage(query, ['a.id'], after, limit).getMany();
    });
  }

  async stream(cityId: CityId, id: string, asOf?: Date): Promise<RecordedEvent<DatasetEvent>[]> {
    const events = await this.events.readStream(cityId, datasetStream(id), { asOf });
    return events.filter((e) => isEventOf<DatasetEvent>(DATASET_EVENT_TYPES, e));
  }
}
