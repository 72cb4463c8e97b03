import { Query } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { CityId } from '@rl/kernel';
import { AuditEventView } from '../../audit-event.view';

export interface AuditEventFilter {
  stream?: string;
  type?: string;
  actor?: string;
  from?: string;
  to?: string;
  after: number;
  limit: number;
}

export class AuditEventPage {
  @ApiProperty({ type: [AuditEventView] })
  events!: AuditEventView[];

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Pass as `after` for the next page; null on the last page',
  })
  next!: number | null;
}

export class ListAuditEventsQuery extends Query<AuditEventPage> {
  constructor(
    readonly cityId: CityId,
    readonly filter: AuditEventFilter,
  ) {
    super();
  }
}
