import { ApiProperty } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';
import { TASK_LINK_KINDS, TASK_STATUSES, TaskLinkKind, TaskStatus } from './domain/task.events';

export class TaskLinkView {
  @ApiProperty({ enum: TASK_LINK_KINDS }) kind!: TaskLinkKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class TaskView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) description!: string | null;
  @ApiProperty({ enum: TASK_STATUSES }) status!: TaskStatus;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeOrganisationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assigneeUserId!: string | null;
  @ApiProperty({ format: 'date-time' }) due!: string;
  @ApiProperty({
    description: "The city's time zone the due instant was given in",
    example: 'Europe/Brussels',
  })
  timezone!: string;
  @ApiProperty({ type: [TaskLinkView] }) links!: TaskLinkView[];
  @ApiProperty({ description: 'Stream version; send it as If-Match to change the task' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class CreatedTaskView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

class TaskActorView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id!: string | null;
  @ApiProperty({ type: String, nullable: true }) role!: string | null;
}

export class TaskChangeView {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'TaskStatusChanged' }) type!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ type: TaskActorView }) actor!: TaskActorView;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's data" })
  data!: Record<string, unknown>;
}
