import { Injectable } from '@nestjs/common';
import { indicatorStream } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { organisationStream } from '@rl/stakeholders';
import { MandateErrors } from '../domain/mandate.errors';
import { MandateScope } from '../domain/mandate.events';

// Tasks are named `task-<id>` in the city's log, as every aggregate's stream names its type.
export const taskStream = (taskId: string) => `task-${taskId}`;

// What a mandate refers to outside its own stream, checked before it is recorded: the organisation,
// its holder's membership, and the indicators and tasks of its scope (all of the same city).
export abstract class MandateReferences {
  abstract organisationExists(cityId: CityId, organisationId: string): Promise<boolean>;
  // An active (accepted) member of the city who belongs to the organisation.
  abstract isMemberOf(cityId: CityId, userId: string, organisationId: string): Promise<boolean>;
  // The given streams that are not in the city's log.
  abstract missingStreams(cityId: CityId, streamIds: readonly string[]): Promise<string[]>;

  async assertOrganisation(cityId: CityId, organisationId: string): Promise<void> {
    if (!(await this.organisationExists(cityId, organisationId)))
      throw MandateErrors.ORGANISATION_NOT_FOUND();
  }

  async assertHolder(cityId: CityId, holderUserId: string, organisationId: string): Promise<void> {
    if (!(await this.isMemberOf(cityId, holderUserId, organisationId))) {
      throw MandateErrors.UNKNOWN_HOLDER({
        errors: [{ field: 'holderUserId', message: 'is not an active member of this organisation' }],
      });
    }
  }

  async assertScope(cityId: CityId, scope: Partial<MandateScope> | undefined): Promise<void> {
    const lists = [
      {
        ids: scope?.indicators ?? [],
        stream: indicatorStream,
        field: 'indicators',
        error: MandateErrors.UNKNOWN_INDICATOR,
      },
      { ids: scope?.tasks ?? [], stream: taskStream, field: 'tasks', error: MandateErrors.UNKNOWN_TASK },
    ];
    for (const { ids, stream, field, error } of lists) {
      if (ids.length === 0) continue;
      const missing = new Set(await this.missingStreams(cityId, ids.map(stream)));
      const unknown = ids.filter((id) => missing.has(stream(id)));
      if (unknown.length > 0) {
        throw error({
          errors: [{ field: `scope.${field}`, message: `not of this city: ${unknown.join(', ')}` }],
          details: { [field]: unknown },
        });
      }
    }
  }
}

// Streams are looked up in the city's log (row-level security limits the query to the city); aggregates
// are never removed, so the answer holds when the mandate's event is appended.
@Injectable()
export class PgMandateReferences extends MandateReferences {
  constructor(private readonly db: TenantDb) {
    super();
  }

  async organisationExists(cityId: CityId, organisationId: string): Promise<boolean> {
    return (await this.missingStreams(cityId, [organisationStream(organisationId)])).length === 0;
  }

  isMemberOf(cityId: CityId, userId: string, organisationId: string): Promise<boolean> {
    return this.db.inCity(cityId, async (em) => {
      const rows = await em.query<unknown[]>(
        `SELECT 1 FROM memberships
          WHERE tenant_id = $1 AND user_id = $2 AND organisation_id = $3 AND active AND NOT pending`,
        [cityId, userId, organisationId],
      );
      return rows.length > 0;
    });
  }

  async missingStreams(cityId: CityId, streamIds: readonly string[]): Promise<string[]> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ stream_id: string }[]>(`SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1)`, [
        streamIds,
      ]),
    );
    const known = new Set(rows.map((r) => r.stream_id));
    return streamIds.filter((id) => !known.has(id));
  }
}
