import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { TASK_LINK_KINDS, TaskLinkKind } from '../../domain/task.events';
import { TASK_LIMITS } from '../../domain/task-limits';

export class TaskLinkDto {
  @ApiProperty({ enum: TASK_LINK_KINDS })
  @IsIn(TASK_LINK_KINDS)
  kind!: TaskLinkKind;

  @ApiProperty({
    format: 'uuid',
    description: 'A meeting decision is not checked yet; the other kinds must exist in the city',
  })
  @IsUUID()
  id!: string;
}

export class CreateTaskDto {
  @ApiProperty({ example: 'Collect the 2026 shelter counts (illustrative)', maxLength: TASK_LIMITS.title })
  @IsString()
  @Length(1, TASK_LIMITS.title)
  title!: string;

  @ApiPropertyOptional({ maxLength: TASK_LIMITS.description, nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TASK_LIMITS.description)
  description?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'An organisation of the city' })
  @IsOptional()
  @IsUUID()
  assigneeOrganisationId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'An active member of the city' })
  @IsOptional()
  @IsUUID()
  assigneeUserId?: string | null;

  @ApiProperty({
    example: '2027-03-31',
    maxLength: 40,
    description:
      "An ISO instant with offset, or a local date (the end of that day, 23:59:59) or local date-time (YYYY-MM-DDTHH:mm) in the city's time zone",
  })
  @IsString()
  @MaxLength(40)
  due!: string;

  @ApiPropertyOptional({ type: [TaskLinkDto], maxItems: TASK_LIMITS.links })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TASK_LIMITS.links)
  @ValidateNested({ each: true })
  @Type(() => TaskLinkDto)
  links?: TaskLinkDto[];
}
