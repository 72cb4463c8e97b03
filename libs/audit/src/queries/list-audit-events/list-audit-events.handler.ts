import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EventSchemas } from '@rl/event-store';
import { AuditEventView } from '../../audit-event.view';
import { AuditEvents } from '../../persistence/audit-events.repository';
import { AuditEventPage, ListAuditEventsQuery } from './list-audit-events.query';

@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery, AuditEventPage> {
  constructor(
    private readonly auditEvents: AuditEvents,
    private readonly schemas: EventSchemas,
  ) {}

  async execute({ cityId, filter: { limit, ...filter } }: ListAuditEventsQuery): Promise<AuditEventPage> {
    // One more than asked tells whether another page follows.
    const rows = await this.auditEvents.list(cityId, filter, limit + 1);
    const events = rows.slice(0, limit).map((row) => AuditEventView.of(row, this.schemas));
    return { events, next: rows.length > limit ? events[events.length - 1].position : null };
  }
}
