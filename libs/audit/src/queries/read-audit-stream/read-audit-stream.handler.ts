import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSchemas } from '@rl/event-store';
import { TenantDb } from '@rl/persistence';
import { AUDIT_EVENT_COLUMNS, AuditEventRow, AuditEventView } from '../../audit-event.view';
import { auditStreamNotFound } from '../../domain/audit.errors';
import { AuditStreamView, ReadAuditStreamQuery } from './read-audit-stream.query';

@QueryHandler(ReadAuditStreamQuery)
export class ReadAuditStreamHandler implements IQueryHandler<ReadAuditStreamQuery, AuditStreamView> {
  constructor(
    private readonly db: TenantDb,
    private readonly schemas: EventSchemas,
  ) {}

  async execute({ cityId, streamId }: ReadAuditStreamQuery): Promise<AuditStreamView> {
    const rows = await this.db.inCity(cityId, (em) =>
      em.query<AuditEventRow[]>(
        `SELECT ${AUDIT_EVENT_COLUMNS} FROM events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY stream_version`,
        [cityId, streamId],
      ),
    );
    if (rows.length === 0) throw auditStreamNotFound(streamId);
    return { streamId, events: rows.map((row) => AuditEventView.of(row, this.schemas)) };
  }
}
