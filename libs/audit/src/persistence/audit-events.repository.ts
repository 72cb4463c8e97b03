import { Injectable } from '@nestjs/common';
import { PersonalData } from '@rl/event-store';
import { CityId } from '@rl/kernel';
import { TenantDb } from '@rl/persistence';
import { AUDIT_EVENT_COLUMNS, AuditEventRow } from '../audit-event.view';
import { AuditEventFilter } from '../queries/list-audit-events/list-audit-events.query';

// A city's log as auditors read it, personal fields opened.
export abstract class AuditEvents {
  // Up to `limit` events after `filter.after`, in position order, matching every filter given.
  abstract list(
    cityId: CityId,
    filter: Omit<AuditEventFilter, 'limit'>,
    limit: number,
  ): Promise<AuditEventRow[]>;
  // Up to `limit` events of one stream after `afterVersion`, in version order.
  abstract ofStream(
    cityId: CityId,
    streamId: string,
    afterVersion: number,
    limit: number,
  ): Promise<AuditEventRow[]>;
}

@Injectable()
export class PgAuditEvents implements AuditEvents {
  constructor(
    private readonly db: TenantDb,
    private readonly personal: PersonalData,
  ) {}

  list(cityId: CityId, filter: Omit<AuditEventFilter, 'limit'>, limit: number): Promise<AuditEventRow[]> {
    // Only the filters given become conditions, so the planner sees exactly the shape an index serves:
    // (tenant_id, type, position), (tenant_id, actor_id, position), (tenant_id, recorded_at),
    // (tenant_id, stream_id, stream_version). The city is filtered explicitly as well as by RLS.
    const params: unknown[] = [cityId, filter.after];
    const where = ['tenant_id = $1', 'position > $2'];
    const condition = (value: string | undefined, sql: (param: string) => string) => {
      if (value === undefined) return;
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    condition(filter.stream, (p) => `stream_id = ${p}`);
    condition(filter.type, (p) => `type = ${p}`);
    condition(filter.actor, (p) => `actor_id = ${p}`);
    condition(filter.from, (p) => `recorded_at >= ${p}::timestamptz`);
    condition(filter.to, (p) => `recorded_at < ${p}::timestamptz`);
    params.push(limit);
    return this.read(cityId, `${where.join(' AND ')} ORDER BY position LIMIT $${params.length}`, params);
  }

  // The unique key (tenant_id, stream_id, stream_version) serves the keyset.
  ofStream(cityId: CityId, streamId: string, afterVersion: number, limit: number): Promise<AuditEventRow[]> {
    return this.read(
      cityId,
      `tenant_id = $1 AND stream_id = $2 AND stream_version > $3 ORDER BY stream_version LIMIT $4`,
      [cityId, streamId, afterVersion, limit],
    );
  }

  // Opens the rows' personal fields inside the same transaction.
  private read(cityId: CityId, where: string, params: unknown[]): Promise<AuditEventRow[]> {
    return this.db.inCity(cityId, async (em) => {
      const rows = await em.query<AuditEventRow[]>(
        `SELECT ${AUDIT_EVENT_COLUMNS} FROM events WHERE ${where}`,
        params,
      );
      const opened = await this.personal.reveal(
        em,
        cityId,
        rows.map((row) => ({ eventId: row.event_id, data: row.data })),
      );
      return rows.map((row, i) => ({ ...row, data: opened[i].data }));
    });
  }
}
