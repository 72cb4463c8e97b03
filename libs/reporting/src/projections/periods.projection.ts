import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { Projection, ProjectionDefinition } from '@rl/projections';
import { periodDecider, PeriodState } from '../domain/period.decider';
import { PERIOD_EVENT_TYPES, PeriodEvent } from '../domain/period.events';

interface Row {
  id: string;
  code: string;
  granularity: string;
  start: string;
  end: string;
  deadline: Date;
  timezone: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const PERIODS_PROJECTION = 'periods';

// Folds a batch per period in memory and writes each touched row once.
@Injectable()
@ProjectionDefinition()
export class PeriodsProjection implements Projection {
  readonly name = PERIODS_PROJECTION;
  readonly handles = PERIOD_EVENT_TYPES;
  readonly tables = ['periods'];

  async apply(em: EntityManager, cityId: CityId, events: readonly RecordedEvent[]): Promise<void> {
    const ids = [...new Set(events.map((e) => (e.data as PeriodEvent['data']).periodId))];
    const existing = await em.query<Row[]>(
      `SELECT id, code, granularity, to_char(start, 'YYYY-MM-DD') AS start, to_char("end", 'YYYY-MM-DD') AS "end",
              deadline, timezone, version, created_at AS "createdAt", updated_at AS "updatedAt"
         FROM periods WHERE tenant_id = $1 AND id = ANY($2::uuid[])`,
      [cityId, ids],
    );
    const rows = new Map<string, Row>(existing.map((row) => [row.id, row]));
    const changed = new Set<string>();
    for (const event of events) {
      const id = (event.data as PeriodEvent['data']).periodId;
      const row = rows.get(id);
      if (row && event.version <= row.version) continue;
      const before: PeriodState = row
        ? {
            exists: true,
            periodId: id,
            code: row.code,
            granularity: row.granularity as 'year',
            start: row.start,
            end: row.end,
            deadline: row.deadline.toISOString(),
            timezone: row.timezone,
          }
        : periodDecider.initialState();
      const after = periodDecider.evolve(before, event as unknown as PeriodEvent);
      if (!after.exists) continue;
      changed.add(id);
      rows.set(id, {
        id,
        code: after.code,
        granularity: after.granularity,
        start: after.start,
        end: after.end,
        deadline: new Date(after.deadline),
        timezone: after.timezone,
        version: event.version,
        createdAt: row?.createdAt ?? event.recordedAt,
        updatedAt: event.recordedAt,
      });
    }
    if (changed.size === 0) return;
    const written = [...changed].map((id) => rows.get(id) as Row);
    await em.query(
      `INSERT INTO periods (tenant_id, id, code, granularity, start, "end", deadline, timezone, version, created_at, updated_at)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::period_granularity[], $5::date[], $6::date[], $7::timestamptz[],
                                $8::text[], $9::int[], $10::timestamptz[], $11::timestamptz[])
       ON CONFLICT (tenant_id, id) DO UPDATE
         SET deadline = EXCLUDED.deadline, timezone = EXCLUDED.timezone, version = EXCLUDED.version,
             updated_at = EXCLUDED.updated_at
         WHERE periods.version < EXCLUDED.version`,
      [
        cityId,
        written.map((r) => r.id),
        written.map((r) => r.code),
        written.map((r) => r.granularity),
        written.map((r) => r.start),
        written.map((r) => r.end),
        written.map((r) => r.deadline),
        written.map((r) => r.timezone),
        written.map((r) => r.version),
        written.map((r) => r.createdAt),
        written.map((r) => r.updatedAt),
      ],
    );
  }
}
