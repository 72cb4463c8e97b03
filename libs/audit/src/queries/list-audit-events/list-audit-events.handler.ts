import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSchemas, PersonalData } from '@rl/event-store';
import { TenantDb } from '@rl/persistence';
import { AuditEventView } from '../../audit-event.view';
import { AuditEventPage, ListAuditEventsQuery } from './list-audit-events.query';

@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery, AuditEventPage> {
  constructor(
    private readonly db: TenantDb,
    private readonly schemas: EventSchemas,
    private readonly personal: PersonalData,
  ) {}

  async execute({ cityId, filter }: ListAuditEventsQuery): Promise<AuditEventPage> {
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
    // One more than asked tells whether another page follows.
    params.push(filter.limit + 1);
    const rows = await AuditEventView.read(
      this.db,
      this.personal,
      cityId,
      `${where.join(' AND ')} ORDER BY position LIMIT $${params.length}`,
      params,
    );
    const events = rows.slice(0, filter.limit).map((row) => AuditEventView.of(row, this.schemas));
    return { events, next: rows.length > filter.limit ? events[events.length - 1].position : null };
  }
}
