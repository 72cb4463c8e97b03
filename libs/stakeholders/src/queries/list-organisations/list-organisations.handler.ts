import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { OrganisationView } from '../../organisation.view';
import { OrganisationRecord } from '../../projections/organisation.entity';
import { ORGANISATIONS_PROJECTION } from '../../projections/organisations.projection';
import { ListOrganisationsQuery } from './list-organisations.query';

export const toOrganisationView = (row: OrganisationRecord): OrganisationView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

@QueryHandler(ListOrganisationsQuery)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisationsQuery, OrganisationView[]> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, minPosition }: ListOrganisationsQuery): Promise<OrganisationView[]> {
    await this.waiter.waitFor(cityId, ORGANISATIONS_PROJECTION, minPosition);
    const rows = await this.db.inCity(cityId, (em) =>
      em.find(OrganisationRecord, { order: { name: 'ASC' } }),
    );
    return rows.map(toOrganisationView);
  }
}
