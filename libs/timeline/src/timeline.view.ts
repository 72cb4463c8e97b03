import { ApiProperty } from '@nestjs/swagger';
import { TIMELINE_KINDS, TimelineKind } from './timeline-source';

export class TimelineEntryView {
  @ApiProperty({ enum: TIMELINE_KINDS, description: 'A reporting deadline, a task due or a meeting' })
  kind!: TimelineKind;

  @ApiProperty({ format: 'uuid', description: 'The period, task or meeting' })
  id!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'The deadline, the due instant or the start of the meeting',
  })
  at!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: "A meeting's end" })
  endsAt!: string | null;

  @ApiProperty({ nullable: true, type: String, description: "The task's or the meeting's status" })
  status!: string | null;

  @ApiProperty({
    type: [String],
    description:
      'The organisations it concerns (assigned, assignee, invited or attending); empty: the whole city',
  })
  organisationIds!: string[];
}
