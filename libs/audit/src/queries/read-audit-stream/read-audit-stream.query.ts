import { Query } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { CityId } from '@rl/kernel';
import { AuditEventView } from '../../audit-event.view';

export class AuditStreamView {
  @ApiProperty()
  streamId!: string;

  @ApiProperty({ type: [AuditEventView], description: 'The events of the stream, in stream order' })
  events!: AuditEventView[];

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Pass as `after` for the next page (a stream version); null on the last page',
  })
  next!: number | null;
}

export class ReadAuditStreamQuery extends Query<AuditStreamView> {
  constructor(
    readonly cityId: CityId,
    readonly streamId: string,
    readonly page: { after: number; limit: number },
  ) {
    super();
  }
}
