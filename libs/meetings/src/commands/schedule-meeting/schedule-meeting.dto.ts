import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { MEETING_KINDS, MeetingKind } from '../../domain/meeting.events';
import { MEETING_LIMITS as L } from '../../domain/meeting-limits';
import { MeetingFieldsDto } from '../meeting-fields.dto';

export class ScheduleMeetingDto extends MeetingFieldsDto {
  @ApiProperty({ enum: MEETING_KINDS })
  @IsIn(MEETING_KINDS)
  kind!: MeetingKind;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Results sessions: the period whose values it discussed',
  })
  @IsOptional()
  @IsUUID()
  periodId?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: L.indicators,
    description: 'Results sessions: the indicators whose values it discussed',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(L.indicators)
  @IsUUID('all', { each: true })
  indicatorIds?: string[];
}
