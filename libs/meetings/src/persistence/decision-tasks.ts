import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventStore } from '@rl/event-store';
import { CityId, DomainError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { CreateTaskCommand, taskStream } from '@rl/tasks';
import { CommandMetadata } from '@rl/web';
import { DecisionTaskSpec } from '../domain/meeting.events';

// The tasks context as decisions see it: a decision links existing tasks and asks for new ones, each
// linked back to it as `{kind: 'meeting-decision', id: decisionId}`.
export abstract class DecisionTasks {
  abstract exists(cityId: CityId, taskIds: readonly string[]): Promise<Set<string>>;
  // Creates the decision's tasks in order and returns their ids. Idempotent per decision and position:
  // asked again for the same decision (a retried request), it returns the tasks created the first time.
  abstract create(
    cityId: CityId,
    decisionId: string,
    tasks: readonly DecisionTaskSpec[],
    metadata: CommandMetadata,
  ): Promise<string[]>;
}

// Through the tasks context's own command, so a decision's tasks get the same checks, events and
// reminders as any other. Each task's Idempotency-Key names the decision and its position: a retry of the
// decision finds the tasks the first attempt created instead of creating them again.
@Injectable()
export class TasksOfDecisions extends DecisionTasks {
  constructor(
    private readonly commands: CommandBus,
    private readonly events: EventStore,
    private readonly db: TenantDb,
  ) {
    super();
  }

  async exists(cityId: CityId, taskIds: readonly string[]): Promise<Set<string>> {
    const known = await this.events.existingStreams(cityId, taskIds.map(taskStream));
    return new Set(taskIds.filter((id) => known.has(taskStream(id))));
  }

  async create(
    cityId: CityId,
    decisionId: string,
    tasks: readonly DecisionTaskSpec[],
    metadata: CommandMetadata,
  ): Promise<string[]> {
    const [{ timezone }] = await this.db.platform((em) =>
      em.query<{ timezone: string }[]>(`SELECT timezone FROM cities WHERE id = $1`, [cityId]),
    );
    const ids: string[] = [];
    for (const [i, task] of tasks.entries()) {
      const input = { ...task, links: [{ kind: 'meeting-decision' as const, id: decisionId }] };
      const taskMetadata = {
        ...metadata,
        idempotencyKey: `meeting-decision:${decisionId}:task:${i}`,
        requestFingerprint: createHash('sha256').update(JSON.stringify(input)).digest('hex'),
      };
      try {
        const created = await this.commands.execute(
          new CreateTaskCommand(cityId, timezone, input, taskMetadata),
        );
        ids.push(created.id);
      } catch (error) {
        throw error instanceof DomainError ? inTask(error, i) : error;
      }
    }
    return ids;
  }
}

// The tasks context names its own fields (`due`); the decision's client sent them as `tasks[i].due`.
const inTask = (error: DomainError, i: number) =>
  new DomainError(
    error.kind,
    error.code,
    error.message,
    error.errors.map((e) => ({ ...e, field: `tasks[${i}].${e.field}` })),
    error.details,
  );
