import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, Page, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { MandateView } from '../../mandate.view';
import { MandateReferences } from '../../persistence/mandate-references';
import { MandatesReadModel } from '../../persistence/mandates.repository';
import { MANDATES_PROJECTION } from '../../projections/mandates.projection';
import { fieldsOfRow, toMandateView } from '../mandate-views';
import { ListMandatesQuery } from './list-mandates.query';

@QueryHandler(ListMandatesQuery)
export class ListMandatesHandler implements IQueryHandler<ListMandatesQuery, Page<MandateView>> {
  constructor(
    private readonly mandates: MandatesReadModel,
    private readonly references: MandateReferences,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ city, organisationId, page, minPosition }: ListMandatesQuery): Promise<Page<MandateView>> {
    const after = cursorOf(page, ['uuid']);
    await this.references.assertOrganisation(city.id, organisationId);
    await this.waiter.waitFor(city.id, MANDATES_PROJECTION, minPosition);
    const rows = await this.mandates.page(
      city.id,
      organisationId,
      after?.[0] as string | undefined,
      page.limit,
    );
    const now = new Date();
    return pageOf(
      rows,
      page.limit,
      (row) => [row.id],
      (row) => toMandateView(fieldsOfRow(row), now, city.timezone),
    );
  }
}
