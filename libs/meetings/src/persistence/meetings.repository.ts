import { Injectable } from '@nestjs/common';
import { EventStore, RecordedEvent } from '@rl/event-store';
import { CityId, CursorKey, isEventOf } from '@rl/kernel';
import { keysetCondition, TenantDb } from '@rl/persistence';
import { MEETING_EVENT_TYPES, MeetingEvent, MeetingKind, meetingStream } from '../domain/meeting.events';
import { MeetingRow } from '../projections/meetings.projection';

export interface MeetingFilter {
  kind?: MeetingKind;
  // Meetings that start in [from, to).
  from?: Date;
  to?: Date;
}

// A row with its start as PostgreSQL's text (microseconds kept) for the keyset cursor.
export type MeetingPageRow = MeetingRow & { startsAtKey: string };

// The meetings read model, and a meeting's stream for what the read model does not keep (its past).
export abstract class MeetingsReadModel {
  abstract byId(cityId: CityId, id: string): Promise<MeetingRow | null>;
  // By start then id, after the keyset cursor; one more than `limit` if another page follows.
  abstract page(
    cityId: CityId,
    filter: MeetingFilter,
    after: CursorKey | undefined,
    limit: number,
  ): Promise<MeetingPageRow[]>;
  // The kind of each of these organisations of the city (an unknown one is left out).
  abstract organisationKinds(cityId: CityId, ids: readonly string[]): Promise<Map<string, string>>;
  abstract stream(cityId: CityId, id: string, asOf?: Date): Promise<RecordedEvent<MeetingEvent>[]>;
}

const COLUMNS = `id, title, kind, status, starts_at AS "startsAt", ends_at AS "endsAt", place, online, agenda,
  period_id AS "periodId", indicator_ids AS "indicatorIds", invited_organisation_ids AS "invitedOrganisationIds",
  invited_user_ids AS "invitedUserIds", attendees, organisation_ids AS "organisationIds", minutes, decisions,
  cancel_reason AS "cancelReason", version, created_at AS "createdAt", updated_at AS "updatedAt"`;

@Injectable()
export class PgMeetingsReadModel implements MeetingsReadModel {
  constructor(
    private readonly db: TenantDb,
    private readonly events: EventStore,
  ) {}

  async byId(cityId: CityId, id: string): Promise<MeetingRow | null> {
    const [row] = await this.db.inCity(cityId, (em) =>
      em.query<MeetingRow[]>(`SELECT ${COLUMNS} FROM meetings WHERE tenant_id = $1 AND id = $2`, [
        cityId,
        id,
      ]),
    );
    return row ?? null;
  }

  // The index IDX_meetings_starts_at serves the keyset and the time filter.
  page(cityId: CityId, filter: MeetingFilter, after: CursorKey | undefined, limit: number) {
    const params: unknown[] = [cityId, filter.kind ?? null, filter.from ?? null, filter.to ?? null];
    const keyset = keysetCondition(['starts_at', 'id'], after, params);
    params.push(limit + 1);
    return this.db.inCity(cityId, (em) =>
      em.query<MeetingPageRow[]>(
        `SELECT ${COLUMNS}, starts_at::text AS "startsAtKey" FROM meetings
          WHERE tenant_id = $1 AND ($2::text IS NULL OR kind = $2::text)
            AND ($3::timestamptz IS NULL OR starts_at >= $3) AND ($4::timestamptz IS NULL OR starts_at < $4)
            AND ${keyset}
          ORDER BY starts_at, id LIMIT $${params.length}`,
        params,
      ),
    );
  }

  async organisationKinds(cityId: CityId, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<{ id: string; kind: string }[]>(
        `SELECT id, kind::text AS kind FROM organisations WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
        [cityId, ids],
      ),
    );
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  async stream(cityId: CityId, id: string, asOf?: Date): Promise<RecordedEvent<MeetingEvent>[]> {
    const events = await this.events.readStream(cityId, meetingStream(id), { asOf });
    return events.filter((e) => isEventOf<MeetingEvent>(MEETING_EVENT_TYPES, e));
  }
}
