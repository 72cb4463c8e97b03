import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { ProjectionWaiter } from '@rl/projections';
import { OrganisationHistory } from '../../organisation-history';
import { OrganisationView } from '../../organisation.view';
import { OrganisationRecord } from '../../projections/organisation.entity';
import { ORGANISATIONS_PROJECTION } from '../../projections/organisations.projection';
import { toOrganisationView } from '../list-organisations/list-organisations.handler';
import { GetOrganisationQuery } from './get-organisation.query';

const notFound = () => new DomainError('not_found', 'ORGANISATION.NOT_FOUND', 'No such organisation');

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery, OrganisationView> {
  constructor(
    private readonly db: TenantDb,
    private readonly waiter: ProjectionWaiter,
    private readonly history: OrganisationHistory,
  ) {}

  async execute({ cityId, organisationId, options }: GetOrganisationQuery): Promise<OrganisationView> {
    if (options.asOf) {
      // As it was then: computed from its events up to that instant, not from the read model.
      const past = await this.history.load(cityId, organisationId, options.asOf);
      if (!past.state.exists || !past.createdAt || !past.updatedAt) throw notFound();
      const { name, kind } = past.state;
      return {
        id: organisationId,
        name,
        kind,
        version: past.version,
        createdAt: past.createdAt.toISOString(),
        updatedAt: past.updatedAt.toISOString(),
      };
    }
    await this.waiter.waitFor(cityId, ORGANISATIONS_PROJECTION, options.minPosition);
    const row = await this.db.inCity(cityId, (em) =>
      em.findOneBy(OrganisationRecord, { tenantId: cityId, id: organisationId }),
    );
    if (!row) throw notFound();
    return toOrganisationView(row);
  }
}
