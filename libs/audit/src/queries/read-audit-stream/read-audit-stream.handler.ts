import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSchemas, PersonalData } from '@rl/event-store';
import { TenantDb } from '@rl/persistence';
import { AuditEventView } from '../../audit-event.view';
import { auditStreamNotFound } from '../../domain/audit.errors';
import { AuditStreamView, ReadAuditStreamQuery } from './read-audit-stream.query';

@QueryHandler(ReadAuditStreamQuery)
export class ReadAuditStreamHandler implements IQueryHandler<ReadAuditStreamQuery, AuditStreamView> {
  constructor(
    private readonly db: TenantDb,
    private readonly schemas: EventSchemas,
    private readonly personal: PersonalData,
  ) {}

  async execute({ cityId, streamId, page }: ReadAuditStreamQuery): Promise<AuditStreamView> {
    // The unique key (tenant_id, stream_id, stream_version) serves the keyset; one more row tells of a next page.
    const rows = await AuditEventView.read(
      this.db,
      this.personal,
      cityId,
      `tenant_id = $1 AND stream_id = $2 AND stream_version > $3 ORDER BY stream_version LIMIT $4`,
      [cityId, streamId, page.after, page.limit + 1],
    );
    if (rows.length === 0 && page.after === 0) throw auditStreamNotFound(streamId);
    const events = rows.slice(0, page.limit).map((row) => AuditEventView.of(row, this.schemas));
    return { streamId, events, next: rows.length > page.limit ? events[events.length - 1].version : null };
  }
}
