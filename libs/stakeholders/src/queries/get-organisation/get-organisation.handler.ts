import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { ProjectionWaiter } from '@rl/projections';
import { organisationDecider } from '../../domain/organisation.decider';
import { OrganisationErrors } from '../../domain/organisation.errors';
import { organisationStream } from '../../domain/organisation.events';
import { OrganisationView } from '../../organisation.view';
import { OrganisationsReadModel } from '../../persistence/organisations.repository';
import { ORGANISATIONS_PROJECTION } from '../../projections/organisations.projection';
import { toOrganisationView } from '../list-organisations/list-organisations.handler';
import { GetOrganisationQuery } from './get-organisation.query';

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery, OrganisationView> {
  constructor(
    private readonly organisations: OrganisationsReadModel,
    private readonly waiter: ProjectionWaiter,
    private readonly aggregates: Aggregates,
  ) {}

  async execute({ cityId, organisationId, options }: GetOrganisationQuery): Promise<OrganisationView> {
    if (options.asOf) {
      // As it was then: computed from its events up to that instant, not from the read model.
      const past = await this.aggregates.load(
        cityId,
        organisationDecider,
        organisationStream(organisationId),
        {
          asOf: options.asOf,
        },
      );
      if (!past.state.exists || !past.createdAt || !past.updatedAt) throw OrganisationErrors.NOT_FOUND();
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
    const row = await this.organisations.byId(cityId, organisationId);
    if (!row) throw OrganisationErrors.NOT_FOUND();
    return toOrganisationView(row);
  }
}
