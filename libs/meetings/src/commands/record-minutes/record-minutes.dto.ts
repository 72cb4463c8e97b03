import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { MINUTES_VISIBILITIES, MinutesVisibility } from '../../domain/meeting.events';
import { MEETING_LIMITS as L } from '../../domain/meeting-limits';
import { NOT_BLANK } from '../meeting-fields.dto';

export class RecordMinutesDto {
  @ApiProperty({
    maxLength: L.minutesText,
    description: 'Plain text; a new revision replaces the current one',
  })
  @IsString()
  @Length(1, L.minutesText)
  @Matches(NOT_BLANK, { message: 'text must not be blank' })
  text!: string;

  @ApiProperty({ enum: MINUTES_VISIBILITIES })
  @IsIn(MINUTES_VISIBILITIES)
  visibility!: MinutesVisibility;
}
