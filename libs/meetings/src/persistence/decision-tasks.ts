import { Injectable } from '@nestjs/common';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { CommandMetadata } from '@rl/web';
import { MeetingErrors } from '../domain/meeting.errors';
import { DecisionTaskSpec } from '../domain/meeting.events';
import { knownStreams } from './known-streams';

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

export const taskStream = (taskId: string) => `task-${taskId}`;

// Until the tasks context is wired in: a task exists if its stream is in the city's log; creating tasks
// is refused (422) before anything is recorded, so a decision is never half-applied.
@Injectable()
export class UnwiredDecisionTasks extends DecisionTasks {
  constructor(private readonly db: TenantDb) {
    super();
  }

  async exists(cityId: CityId, taskIds: readonly string[]): Promise<Set<string>> {
    const known = await this.db.inCity(cityId, (em) => knownStreams(em, taskIds.map(taskStream)));
    return new Set(taskIds.filter((id) => known.has(taskStream(id))));
  }

  create(): Promise<string[]> {
    return Promise.reject(
      MeetingErrors.TASKS_UNAVAILABLE({ errors: [{ field: 'tasks', message: 'cannot be created yet' }] }),
    );
  }
}
