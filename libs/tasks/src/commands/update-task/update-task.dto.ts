import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TASK_STATUSES, TaskStatus } from '../../domain/task.events';
import { CreateTaskDto } from '../create-task/create-task.dto';

// Any field of a task; null clears the description or an assignee. The assignee may send `status` only.
export class UpdateTaskDto extends PartialType(CreateTaskDto) {
  @ApiPropertyOptional({ enum: TASK_STATUSES })
  @IsOptional()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;
}
