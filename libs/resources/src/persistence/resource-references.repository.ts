import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { indicatorStream } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { organisationStream } from '@rl/stakeholders';
import { ResourceErrors } from '../domain/resource.errors';
import { ResourceLink } from '../domain/resource.events';

// The indicators and tasks a resource may be linked to: those of its city.
export abstract class ResourceLinkTargets {
  // The given ids that are not indicators of the city.
  abstract unknownIndicators(cityId: CityId, ids: readonly string[]): Promise<string[]>;
  // The given ids that are not tasks of the city.
  abstract unknownTasks(cityId: CityId, ids: readonly string[]): Promise<string[]>;

  // Refuses with RESOURCE.UNKNOWN_LINK naming each `links[i].id` that is not the city's.
  async assertKnown(cityId: CityId, links: readonly ResourceLink[] | null | undefined): Promise<void> {
    if (!links?.length) return;
    const idsOf = (kind: ResourceLink['kind']) => links.filter((l) => l.kind === kind).map((l) => l.id);
    const [indicators, tasks] = await Promise.all([
      this.unknownIndicators(cityId, idsOf('indicator')),
      this.unknownTasks(cityId, idsOf('task')),
    ]);
    const unknown = { indicator: new Set(indicators), task: new Set(tasks) };
    const errors = links.flatMap((link, i) =>
      unknown[link.kind].has(link.id)
        ? [
            {
              field: `links[${i}].id`,
              message: `is not ${link.kind === 'task' ? 'a task' : 'an indicator'} of this city`,
            },
          ]
        : [],
    );
    if (errors.length > 0) throw ResourceErrors.UNKNOWN_LINK({ errors });
  }
}

// The organisations that may offer a resource: those of its city.
export abstract class OfferingOrganisations {
  abstract exists(cityId: CityId, organisationId: string): Promise<boolean>;

  // Refuses with RESOURCE.UNKNOWN_ORGANISATION naming offeredBy.
  async assertKnown(cityId: CityId, organisationId: string): Promise<void> {
    if (!(await this.exists(cityId, organisationId)))
      throw ResourceErrors.UNKNOWN_ORGANISATION({
        errors: [{ field: 'offeredBy', message: 'is not an organisation of this city' }],
      });
  }
}

// The stream ids among `streams` that are in the city's log (row-level security limits `em` to it).
async function knownStreams(em: EntityManager, streams: readonly string[]): Promise<Set<string>> {
  if (streams.length === 0) return new Set();
  const rows = await em.query<{ stream_id: string }[]>(
    `SELECT DISTINCT stream_id FROM events WHERE stream_id = ANY($1)`,
    [streams],
  );
  return new Set(rows.map((r) => r.stream_id));
}

// Tasks are written by the tasks context, which names a task's stream `task-<uuid>` as every aggregate
// is named; at merge this takes its stream function from @rl/tasks.
const taskStream = (taskId: string) => `task-${taskId}`;

// An indicator, task or organisation exists if its stream is in the city's log; none is ever removed,
// so the answer holds when the resource's event is appended.
@Injectable()
export class PgResourceLinkTargets extends ResourceLinkTargets {
  constructor(private readonly db: TenantDb) {
    super();
  }

  unknownIndicators(cityId: CityId, ids: readonly string[]): Promise<string[]> {
    return this.unknown(cityId, ids, indicatorStream);
  }

  unknownTasks(cityId: CityId, ids: readonly string[]): Promise<string[]> {
    return this.unknown(cityId, ids, taskStream);
  }

  private async unknown(cityId: CityId, ids: readonly string[], stream: (id: string) => string) {
    if (ids.length === 0) return [];
    const known = await this.db.inCity(cityId, (em) => knownStreams(em, ids.map(stream)));
    return ids.filter((id) => !known.has(stream(id)));
  }
}

@Injectable()
export class PgOfferingOrganisations extends OfferingOrganisations {
  constructor(private readonly db: TenantDb) {
    super();
  }

  async exists(cityId: CityId, organisationId: string): Promise<boolean> {
    const stream = organisationStream(organisationId);
    return (await this.db.inCity(cityId, (em) => knownStreams(em, [stream]))).has(stream);
  }
}
