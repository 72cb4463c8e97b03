import { Query } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { CityId } from '@rl/kernel';
import { AuditEventView } from '../../audit-event.view';

export class AuditStreamView {
  @ApiProperty()
  streamId!: string;

  @ApiProperty({ type: [AuditEventView], description: 'Every event of the stream, in stream order' })
  events!: AuditEventView[];
}

export class ReadAuditStreamQuery extends Query<AuditStreamView> {
  constructor(
    readonly cityId: CityId,
    readonly streamId: string,
  ) {
    super();
  }
}
