import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional } from 'class-validator';
import { MinPositionDto, PagedReadDto } from '@rl/web';
import { MEETING_KINDS, MeetingKind } from '../domain/meeting.events';

export class MeetingReadDto extends MinPositionDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'The meeting as it was at this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  asOf?: Date;
}

export class ListMeetingsDto extends PagedReadDto {
  @ApiPropertyOptional({ enum: MEETING_KINDS })
  @IsOptional()
  @IsIn(MEETING_KINDS)
  kind?: MeetingKind;

  @ApiPropertyOptional({ format: 'date-time', description: 'Meetings starting at or after this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Meetings starting before this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}
