import { Injectable } from '@nestjs/common';
import { EventStore, RecordedEvent } from '@rl/event-store';
import { CityId, CursorKey, isEventOf } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { TASK_EVENT_TYPES, TaskEvent, taskStream, TaskStatus } from '../domain/task.events';
import { TaskRow } from '../projections/tasks.projection';

export interface TaskFilter {
  status?: TaskStatus;
  assigneeOrganisationId?: string;
  dueFrom?: Date;
  dueTo?: Date;
}

// A row with its keyset key: the due instant as PostgreSQL prints it (microseconds kept), then the id.
export type KeyedTaskRow = TaskRow & { dueKey: string };

export const TASK_COLUMNS = `id, title, description, status, assignee_organisation_id AS "assigneeOrganisationId",
  assignee_user_id AS "assigneeUserId", due, timezone, links, version, created_at AS "createdAt", updated_at AS "updatedAt"`;

// The tasks read model, and a task's stream for what the read model does not keep (its past).
export abstract class TasksReadModel {
  abstract byId(cityId: CityId, id: string): Promise<TaskRow | null>;
  // By due instant, then id, after the keyset cursor; `limit` rows at most.
  abstract page(
    cityId: CityId,
    filter: TaskFilter,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<KeyedTaskRow[]>;
  abstract stream(cityId: CityId, id: string, asOf?: Date): Promise<RecordedEvent<TaskEvent>[]>;
}

@Injectable()
export class PgTasksReadModel implements TasksReadModel {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
  ) {}

  async byId(cityId: CityId, id: string): Promise<TaskRow | null> {
    const [row] = await this.db.inCity(cityId, (em) =>
      em.query<TaskRow[]>(`SELECT ${TASK_COLUMNS} FROM tasks WHERE tenant_id = $1 AND id = $2`, [cityId, id]),
    );
    return row ?? null;
  }

  // IDX_tasks_due (or IDX_tasks_organisation_due with the organisation filter) serves the keyset.
  page(
    cityId: CityId,
    filter: TaskFilter,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<KeyedTaskRow[]> {
    const params: unknown[] = [cityId];
    const where = ['tenant_id = $1'];
    const add = (sql: (p: string) => string, value: unknown) => where.push(sql(`$${params.push(value)}`));
    if (filter.status) add((p) => `status = ${p}`, filter.status);
    if (filter.assigneeOrganisationId)
      add((p) => `assignee_organisation_id = ${p}`, filter.assigneeOrganisationId);
    if (filter.dueFrom) add((p) => `due >= ${p}`, filter.dueFrom);
    if (filter.dueTo) add((p) => `due < ${p}`, filter.dueTo);
    where.push(keysetCondition(['due', 'id'], after, params));
    const sql = `SELECT ${TASK_COLUMNS}, due::text AS "dueKey" FROM tasks WHERE ${where.join(' AND ')}
                  ORDER BY due, id LIMIT $${params.push(limit)}`;
    return this.db.inCity(cityId, (em) => em.query<KeyedTaskRow[]>(sql, params));
  }

  async stream(cityId: CityId, id: string, asOf?: Date): Promise<RecordedEvent<TaskEvent>[]> {
    const events = await this.events.readStream(cityId, taskStream(id), { asOf });
    return events.filter((e) => isEventOf<TaskEvent>(TASK_EVENT_TYPES, e));
  }
}
