import { Injectable } from '@nestjs/common';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
import { ResourceKind, ResourceStatus } from '../domain/resource.events';
import { ResourceRecord } from './resource.entity';

export interface ResourceFilter {
  kind?: ResourceKind;
  organisationId?: string;
  // Words in the title, any case.
  q?: string;
  indicatorId?: string;
  status?: ResourceStatus;
}

// The resources read model, as queries read it.
export abstract class ResourcesReadModel {
  abstract byId(cityId: CityId, id: string): Promise<ResourceRecord | null>;
  // By title, then id, after the keyset cursor, those the filter keeps.
  abstract page(
    cityId: CityId,
    filter: ResourceFilter,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<ResourceRecord[]>;
}

// A LIKE pattern matching the text literally.
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

@Injectable()
export class PgResourcesReadModel implements ResourcesReadModel {
  constructor(private readonly db: TenantDb) {}

  byId(cityId: CityId, id: string): Promise<ResourceRecord | null> {
    return this.db.inCity(cityId, (em) => em.findOneBy(ResourceRecord, { tenantId: cityId, id }));
  }

  // IDX_resources_title serves the keyset.
  page(
    cityId: CityId,
    filter: ResourceFilter,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<ResourceRecord[]> {
    return this.db.inCity(cityId, (em) => {
      const query = em.createQueryBuilder(ResourceRecord, 'r').where('r.tenantId = :cityId', { cityId });
      if (filter.kind) query.andWhere('r.kind = :kind', { kind: filter.kind });
      if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
      if (filter.organisationId)
        query.andWhere('r.offeredBy = :organisationId', { organisationId: filter.organisationId });
      if (filter.indicatorId)
        query.andWhere('r.links @> CAST(:link AS jsonb)', {
          link: JSON.stringify([{ kind: 'indicator', id: filter.indicatorId.toLowerCase() }]),
        });
      for (const [i, word] of (filter.q ?? '').split(/\s+/).filter(Boolean).entries())
        query.andWhere(`r.title ILIKE :word${i}`, { [`word${i}`]: `%${likeLiteral(word)}%` });
      return keysetPage(query, ['r.title', 'r.id'], after, limit).getMany();
    });
  }
}
