import { Injectable } from '@nestjs/common';
import { CityId, CursorKey } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
import { OrganisationRecord } from './organisation.entity';

// The organisations read model, as queries read it.
export abstract class OrganisationsReadModel {
  abstract byId(cityId: CityId, id: string): Promise<OrganisationRecord | null>;
  // By name, then id (names need not be unique), after the keyset cursor.
  abstract page(cityId: CityId, after: CursorKey | undefined, limit: number): Promise<OrganisationRecord[]>;
}

@Injectable()
export class PgOrganisationsReadModel implements OrganisationsReadModel {
  constructor(private readonly db: TenantDb) {}

  byId(cityId: CityId, id: string): Promise<OrganisationRecord | null> {
    return this.db.inCity(cityId, (em) => em.findOneBy(OrganisationRecord, { tenantId: cityId, id }));
  }

  // The index ix_organisations_name serves the keyset.
  page(cityId: CityId, after: CursorKey | undefined, limit: number): Promise<OrganisationRecord[]> {
    return this.db.inCity(cityId, (em) =>
      keysetPage(em.createQueryBuilder(OrganisationRecord, 'o'), ['o.name', 'o.id'], after, limit).getMany(),
    );
  }
}
