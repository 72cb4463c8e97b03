import { CityId } from '@rl/kernel';
import { DecisionTaskSpec } from '../domain/meeting.events';
import { DecisionTasks } from '../persistence/decision-tasks';
import { MeetingReferences, Reference, ReferenceKind } from '../persistence/meeting-references';

// The objects each city has, by kind, as listed.
export class InMemoryMeetingReferences extends MeetingReferences {
  private readonly known = new Set<string>();

  given(cityId: CityId, kind: ReferenceKind, ...ids: string[]): this {
    for (const id of ids) this.known.add(`${cityId}/${kind}/${id}`);
    return this;
  }

  unknown(cityId: CityId, references: readonly Reference[]): Promise<Reference[]> {
    return Promise.resolve(references.filter((r) => !this.known.has(`${cityId}/${r.kind}/${r.id}`)));
  }
}

// Tasks created from decisions, kept per city with the decision they link to; idempotent per decision
// and position, as the port promises.
export class InMemoryDecisionTasks extends DecisionTasks {
  readonly created = new Map<string, { cityId: CityId; decisionId: string; spec: DecisionTaskSpec }>();
  private readonly existing = new Set<string>();

  exists(cityId: CityId, taskIds: readonly string[]): Promise<Set<string>> {
    return Promise.resolve(new Set(taskIds.filter((id) => this.existing.has(`${cityId}/${id}`))));
  }

  create(cityId: CityId, decisionId: string, tasks: readonly DecisionTaskSpec[]): Promise<string[]> {
    return Promise.resolve(
      tasks.map((spec, i) => {
        const id = `${decisionId}-task-${i}`;
        this.created.set(id, { cityId, decisionId, spec });
        this.existing.add(`${cityId}/${id}`);
        return id;
      }),
    );
  }
}
