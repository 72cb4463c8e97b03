import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSchemas } from '@rl/event-store';
import { AuditEventView } from '../../audit-event.view';
import { auditStreamNotFound } from '../../domain/audit.errors';
import { AuditEvents } from '../../persistence/audit-events.repository';
import { AuditStreamView, ReadAuditStreamQuery } from './read-audit-stream.query';

@QueryHandler(ReadAuditStreamQuery)
export class ReadAuditStreamHandler implements IQueryHandler<ReadAuditStreamQuery, AuditStreamView> {
  constructor(
    private readonly auditEvents: AuditEvents,
    private readonly schemas: EventSchemas,
  ) {}

  async execute({ cityId, streamId, page }: ReadAuditStreamQuery): Promise<AuditStreamView> {
    // One more row than asked tells of a next page.
    const rows = await this.auditEvents.ofStream(cityId, streamId, page.after, page.limit + 1);
    if (rows.length === 0 && page.after === 0) throw auditStreamNotFound(streamId);
    const events = rows.slice(0, page.limit).map((row) => AuditEventView.of(row, this.schemas));
    return { streamId, events, next: rows.length > page.limit ? events[events.length - 1].version : null };
  }
}
