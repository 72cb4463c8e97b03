import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { commaList, PagedReadDto } from '@rl/web';
import { TIMELINE_KINDS, TimelineKind } from './timeline-source';

export class TimelineReadDto extends PagedReadDto {
  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Only what concerns this organisation (its assignments' deadlines, its tasks, its meetings)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be a UUID' })
  organisationId?: string;

  @ApiPropertyOptional({
    description: 'Only these kinds, comma-separated',
    example: 'task-due,meeting',
    enum: TIMELINE_KINDS,
    isArray: true,
  })
  @IsOptional()
  @Transform(commaList)
  @ArrayMaxSize(TIMELINE_KINDS.length)
  @IsIn(TIMELINE_KINDS, { each: true, message: `kind must be among ${TIMELINE_KINDS.join(', ')}` })
  kind?: TimelineKind[];
}
