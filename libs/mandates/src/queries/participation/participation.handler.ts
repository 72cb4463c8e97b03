import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { cursorOf, pageOf } from '@rl/kernel';
import { ProjectionWaiter } from '@rl/projections';
import { dayIn, isExpiringSoon } from '../../domain/mandate-validity';
import { ParticipantView, ParticipationView } from '../../mandate.view';
import { MandateReferences } from '../../persistence/mandate-references';
import { MandatesReadModel, ParticipantRow } from '../../persistence/mandates.repository';
import { MANDATES_PROJECTION } from '../../projections/mandates.projection';
import { ParticipationQuery } from './participation.query';

@QueryHandler(ParticipationQuery)
export class ParticipationHandler implements IQueryHandler<ParticipationQuery, ParticipationView> {
  constructor(
    private readonly mandates: MandatesReadModel,
    private readonly references: MandateReferences,
    private readonly waiter: ProjectionWaiter,
  ) {}

  async execute({ city, organisationId, page, minPosition }: ParticipationQuery): Promise<ParticipationView> {
    const after = cursorOf(page, ['uuid']);
    await this.references.assertOrganisation(city.id, organisationId);
    await this.waiter.waitFor(city.id, MANDATES_PROJECTION, minPosition);
    const now = new Date();
    const today = dayIn(now, city.timezone);
    const rows = await this.mandates.participants(
      city.id,
      organisationId,
      now,
      after?.[0] as string | undefined,
      page.limit,
    );
    const view = (row: ParticipantRow): ParticipantView => ({
      userId: row.userId,
      name: row.name,
      role: row.role,
      mandate:
        row.mandateId === null
          ? null
          : {
              id: row.mandateId,
              validUntil: row.validUntil,
              // The row's mandate is valid today: only its end can make it expire.
              expiringSoon: isExpiringSoon(
                { validFrom: today, validUntil: row.validUntil, revoked: false },
                today,
              ),
            },
    });
    const { items, next } = pageOf(rows, page.limit, (row) => [row.userId], view);
    return { organisationId, members: items, next };
  }
}
