import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { MEETING_LIMITS as L } from '../../domain/meeting-limits';
import { MeetingFieldsDto, NOT_BLANK } from '../meeting-fields.dto';

// Changed fields only (place and online: null removes them); or `status: cancelled` with a reason.
export class ReviseMeetingDto extends PartialType(MeetingFieldsDto) {
  @ApiPropertyOptional({
    enum: ['cancelled'],
    description: 'Cancels the meeting; nothing else changes with it',
  })
  @IsOptional()
  @IsIn(['cancelled'])
  status?: 'cancelled';

  @ApiPropertyOptional({ maxLength: L.reason, description: 'Why it is cancelled' })
  @IsOptional()
  @IsString()
  @Length(1, L.reason)
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  reason?: string;
}
