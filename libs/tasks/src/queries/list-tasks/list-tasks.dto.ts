import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PagedReadDto } from '@rl/web';
import { TASK_STATUSES, TaskStatus } from '../../domain/task.events';

class TaskFilterDto {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  assigneeOrganisationId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Tasks due at or after this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @ApiPropertyOptional({ format: 'date-time', description: 'Tasks due before this instant' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class ListTasksDto extends IntersectionType(PagedReadDto, TaskFilterDto) {}
