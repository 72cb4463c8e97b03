import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { MEETING_LIMITS as L } from '../../domain/meeting-limits';

export class AttendeeDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A member of the city' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The organisation attending (or the member represents)',
  })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}

export class RecordAttendanceDto {
  @ApiProperty({
    type: [AttendeeDto],
    maxItems: L.attendees,
    description: 'The whole attendance (replaces it)',
  })
  @IsArray()
  @ArrayMaxSize(L.attendees)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees!: AttendeeDto[];
}
