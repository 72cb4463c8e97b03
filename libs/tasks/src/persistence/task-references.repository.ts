import { Injectable } from '@nestjs/common';
import { glossaryTermStream } from '@rl/glossary';
import { indicatorStream } from '@rl/indicators';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { periodStream, submissionStream } from '@rl/reporting';
import { organisationStream } from '@rl/stakeholders';
import { TaskErrors } from '../domain/task.errors';
import { TaskAssignee, TaskLink, TaskLinkKind } from '../domain/task.events';

// The stream a link names, for the kinds checked against the city's log.
const STREAM_OF: Record<Exclude<TaskLinkKind, 'meeting-decision'>, (id: string) => string> = {
  indicator: indicatorStream,
  period: periodStream,
  submission: submissionStream,
  term: glossaryTermStream,
};

export const linkStream = (link: TaskLink): string | null =>
  link.kind === 'meeting-decision' ? null : STREAM_OF[link.kind](link.id);

export interface TaskReferencesToCheck extends Partial<TaskAssignee> {
  links?: readonly TaskLink[];
}

// What a task refers to must be the city's: linked indicators, periods, submissions and terms (their
// streams exist in its log), the assignee organisation, and an assignee user who is an active member.
export abstract class TaskReferences {
  // The streams among these that are not in the city's log.
  abstract missingStreams(cityId: CityId, streams: readonly string[]): Promise<Set<string>>;
  abstract isActiveMember(cityId: CityId, userId: string): Promise<boolean>;

  // Refuses with 422 naming the first field at fault (links[i].id, assigneeOrganisationId, assigneeUserId).
  async assertKnown(
    cityId: CityId,
    { links, assigneeOrganisationId, assigneeUserId }: TaskReferencesToCheck,
  ) {
    const streams = (links ?? []).map(linkStream);
    const organisation = assigneeOrganisationId ? organisationStream(assigneeOrganisationId) : null;
    const wanted = [...streams, organisation].filter((s): s is string => s !== null);
    const missing = wanted.length ? await this.missingStreams(cityId, wanted) : new Set<string>();
    const errors = streams.flatMap((stream, i) =>
      stream !== null && missing.has(stream)
        ? [{ field: `links[${i}].id`, message: `is no ${links?.[i].kind} of this city` }]
        : [],
    );
    if (errors.length > 0) throw TaskErrors.UNKNOWN_LINK({ errors });
    if (organisation !== null && missing.has(organisation))
      throw TaskErrors.UNKNOWN_ASSIGNEE({
        errors: [{ field: 'assigneeOrganisationId', message: 'is not an organisation of this city' }],
      });
    if (assigneeUserId && !(await this.isActiveMember(cityId, assigneeUserId)))
      throw TaskErrors.UNKNOWN_ASSIGNEE({
        errors: [{ field: 'assigneeUserId', message: 'is not an active member of this city' }],
      });
  }
}

// Streams are never removed, so an answer holds when the task's event is appended; row-level security
// limits both queries to the city.
@Injectable()
export class PgTaskReferences extends TaskReferences {
  constructor(private readonly db: TenantDb) {
    super();
  }

  async missingStreams(cityId: CityId, streams: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ stream_id: string }[]>(
        `SELECT DISTINCT stream_id FROM events WHERE tenant_id = $1 AND stream_id = ANY($2)`,
        [cityId, streams],
      ),
    );
    const known = new Set(rows.map((r) => r.stream_id));
    return new Set(streams.filter((s) => !known.has(s)));
  }

  async isActiveMember(cityId: CityId, userId: string): Promise<boolean> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<unknown[]>(`SELECT 1 FROM memberships WHERE tenant_id = $1 AND user_id = $2 AND active`, [
        cityId,
        userId,
      ]),
    );
    return rows.length > 0;
  }
}
