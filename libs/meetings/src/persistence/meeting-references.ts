import { Injectable } from '@nestjs/common';
import { glossaryTermStream } from '@rl/glossary';
import { indicatorStream } from '@rl/indicators';
import { CityId, FieldError } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { periodStream, submissionStream } from '@rl/reporting';
import { organisationStream } from '@rl/stakeholders';
import { MeetingErrors } from '../domain/meeting.errors';
import { MeetingLinkKind } from '../domain/meeting.events';
import { DecisionTasks } from './decision-tasks';
import { knownStreams } from './known-streams';

export type ReferenceKind = MeetingLinkKind | 'period' | 'organisation' | 'member';

// One id the request names, and the field that named it (for the 422).
export interface Reference {
  field: string;
  kind: ReferenceKind;
  id: string;
}

// What a meeting may name: objects of its own city only.
export abstract class MeetingReferences {
  // The references that are not objects of the city.
  abstract unknown(cityId: CityId, references: readonly Reference[]): Promise<Reference[]>;

  // Refuses with MEETING.UNKNOWN_REFERENCE naming each field at fault.
  async assertKnown(cityId: CityId, references: readonly Reference[]): Promise<void> {
    if (references.length === 0) return;
    const unknown = await this.unknown(cityId, references);
    if (unknown.length === 0) return;
    const errors: FieldError[] = unknown.map((r) => ({
      field: r.field,
      message: `is not a${r.kind === 'indicator' || r.kind === 'organisation' ? 'n' : ''} ${r.kind} of this city`,
    }));
    throw MeetingErrors.UNKNOWN_REFERENCE({
      errors,
      details: { unknown: unknown.map(({ kind, id }) => ({ kind, id })) },
    });
  }
}

const STREAMS = {
  indicator: indicatorStream,
  term: glossaryTermStream,
  submission: submissionStream,
  period: periodStream,
  organisation: organisationStream,
} satisfies Partial<Record<ReferenceKind, (id: string) => string>>;

// Streams are never removed, so an object found in the city's log (row-level security limits the query
// to the city) still exists when the meeting's event is appended. Members are the city's memberships.
@Injectable()
export class PgMeetingReferences extends MeetingReferences {
  constructor(
    private readonly db: TenantDb,
    private readonly tasks: DecisionTasks,
  ) {
    super();
  }

  async unknown(cityId: CityId, references: readonly Reference[]): Promise<Reference[]> {
    const streamOf = (r: Reference) =>
      r.kind in STREAMS ? STREAMS[r.kind as keyof typeof STREAMS](r.id) : null;
    const streams = references.map(streamOf).filter((s): s is string => s !== null);
    const members = references.filter((r) => r.kind === 'member').map((r) => r.id);
    const { streamsFound, membersFound } = await this.db.inCity(cityId, async (em) => ({
      streamsFound: await knownStreams(em, streams),
      membersFound: members.length
        ? await em.query<{ user_id: string }[]>(
            `SELECT user_id FROM memberships WHERE tenant_id = $1 AND user_id = ANY($2::uuid[])`,
            [cityId, members],
          )
        : [],
    }));
    const tasks = await this.tasks.exists(
      cityId,
      references.filter((r) => r.kind === 'task').map((r) => r.id),
    );
    const found = new Set([...streamsFound, ...membersFound.map((r) => `member/${r.user_id}`)]);
    return references.filter((r) => {
      if (r.kind === 'task') return !tasks.has(r.id);
      if (r.kind === 'member') return !found.has(`member/${r.id}`);
      return !found.has(streamOf(r) ?? '');
    });
  }
}
