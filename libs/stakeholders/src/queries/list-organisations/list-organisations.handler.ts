import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { keysetPage, TenantDb } from '@rl/persistence';
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
export class ListOrganisationsHandler implements IQueryHandler<
  ListOrganisationsQuery,
  Page<OrganisationView>
> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, page, minPosition }: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    const after = cursorOf(page, ['string', 'uuid']);
    await this.waiter.waitFor(cityId, ORGANISATIONS_PROJECTION, minPosition);
    // By name, then id (names need not be unique): the index ix_organisations_name serves the keyset.
    const rows = await this.db.inCity(cityId, (em) =>
      keysetPage(
        em.createQueryBuilder(OrganisationRecord, 'o'),
        ['o.name', 'o.id'],
        after,
        page.limit,
      ).getMany(),
    );
    return pageOf(rows, page.limit, (row) => [row.name, row.id], toOrganisationView);
  }
}
