import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WriteResultView } from '@rl/web';
import { CONNECTION_KINDS, ConnectionKind } from './domain/connection.events';

export class CreatedConnectionView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiPropertyOptional({
    description:
      "Kobo only, shown once: the secret URL to set as the form's REST Service (POST, JSON, no other auth); only its hash is kept",
  })
  pushUrl?: string;
}

export class ConnectionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CONNECTION_KINDS }) kind!: ConnectionKind;
  @ApiProperty() serverUrl!: string;
  @ApiProperty({ description: 'ODK Central projectId/xmlFormId or Kobo asset uid' }) formId!: string;
  @ApiProperty({ type: String, nullable: true }) label!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) assignmentId!: string | null;
  @ApiProperty({ format: 'uuid' }) indicatorId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) periodId!: string | null;
  @ApiProperty({ description: 'Pulled on the schedule as well as on demand' }) scheduled!: boolean;
  @ApiProperty({ enum: ['active', 'disconnected'] }) status!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class QueuedRunView {
  @ApiProperty({ format: 'uuid' }) runId!: string;
}

export class RunRejectionView {
  @ApiProperty({ description: "The external submission's logical id" }) logicalId!: string;
  @ApiProperty() reason!: string;
}

export class RunView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['pull', 'push', 'schedule'] }) trigger!: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty() created!: number;
  @ApiProperty() corrected!: number;
  @ApiProperty({ description: 'Seen before, or an edit without changed values' }) ignored!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty({ type: [RunRejectionView] }) rejections!: RunRejectionView[];
  @ApiProperty({ type: String, nullable: true, description: 'Why the run failed as a whole' })
  error!: string | null;
}
