import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Aggregates } from '@rl/event-store';
import { ProjectionWaiter } from '@rl/projections';
import { mandateDecider } from '../../domain/mandate.decider';
import { MandateErrors } from '../../domain/mandate.errors';
import { mandateStream } from '../../domain/mandate.events';
import { MandateView } from '../../mandate.view';
import { MandatesReadModel } from '../../persistence/mandates.repository';
import { MANDATES_PROJECTION } from '../../projections/mandates.projection';
import { fieldsOfRow, toMandateView } from '../mandate-views';
import { GetMandateQuery } from './get-mandate.query';

@QueryHandler(GetMandateQuery)
export class GetMandateHandler implements IQueryHandler<GetMandateQuery, MandateView> {
  constructor(
    private readonly mandates: MandatesReadModel,
    private readonly waiter: ProjectionWaiter,
    private readonly aggregates: Aggregates,
  ) {}

  async execute({ city, organisationId, mandateId, options }: GetMandateQuery): Promise<MandateView> {
    if (options.asOf) {
      // As it was then, and valid or not on that day: from its events up to that instant.
      const past = await this.aggregates.load(city.id, mandateDecider, mandateStream(mandateId), {
        asOf: options.asOf,
      });
      const { state, version, createdAt, updatedAt } = past;
      if (!state.exists || state.organisationId !== organisationId || !createdAt || !updatedAt)
        throw MandateErrors.NOT_FOUND();
      return toMandateView({ ...state, version, createdAt, updatedAt }, options.asOf, city.timezone);
    }
    await this.waiter.waitFor(city.id, MANDATES_PROJECTION, options.minPosition);
    const row = await this.mandates.byId(city.id, mandateId);
    if (!row || row.organisationId !== organisationId) throw MandateErrors.NOT_FOUND();
    return toMandateView(fieldsOfRow(row), new Date(), city.timezone);
  }
}
