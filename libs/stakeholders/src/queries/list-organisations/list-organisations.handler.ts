import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { OrganisationView } from '../../organisation.view';
import { OrganisationRecord } from '../../persistence/organisation.entity';
import { OrganisationsReadModel } from '../../persistence/organisations.repository';
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
    private readonly organisations: OrganisationsReadModel,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ cityId, page, minPosition }: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    const after = cursorOf(page, ['string', 'uuid']);
    await this.waiter.waitFor(cityId, ORGANISATIONS_PROJECTION, minPosition);
    const rows = await this.organisations.page(cityId, after, page.limit);
    return pageOf(rows, page.limit, (row) => [row.name, row.id], toOrganisationView);
  }
}
