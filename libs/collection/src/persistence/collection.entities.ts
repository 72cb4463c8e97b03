import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { AggregateRow, CityRow } from '@rl/persistence';
import type { ConnectionKind } from '../domain/connection.events';

export type ConnectionStatus = 'active' | 'disconnected';

// Read model of the connections projection; written only by it. Never holds credentials.
@Entity('collection_connections')
export class CollectionConnectionRecord extends AggregateRow {
  @Column({ type: 'varchar', length: 16 }) kind!: ConnectionKind;
  @Column({ name: 'server_url', type: 'text' }) serverUrl!: string;
  @Column({ name: 'form_id', type: 'varchar', length: 140 }) formId!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) label!: string | null;
  @Column({ name: 'assignment_id', type: 'uuid', nullable: true }) assignmentId!: string | null;
  @Column({ name: 'indicator_id', type: 'uuid' }) indicatorId!: string;
  @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId!: string | null;
  @Column({ name: 'period_id', type: 'uuid', nullable: true }) periodId!: string | null;
  @Column({ type: 'boolean' }) scheduled!: boolean;
  @Column({ type: 'varchar', length: 16 }) status!: ConnectionStatus;
  // Who connected it: pulls act as this coordinator.
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
}

// What a connection must keep out of events: its encrypted credentials and the hash of its push token;
// and the pull's own state (high-water mark, lease that keeps one pull at a time per connection).
@Entity('collection_connection_secrets')
@Index('UQ_collection_push_token', ['tenantId', 'pushTokenHash'], { unique: true })
export class CollectionSecretRecord extends CityRow {
  @PrimaryColumn({ name: 'connection_id', type: 'uuid' }) connectionId!: string;
  @Column({ type: 'bytea' }) credentials!: Buffer;
  @Column({ name: 'push_token_hash', type: 'char', length: 64, nullable: true }) pushTokenHash!:
    string | null;
  @Column({ name: 'high_water', type: 'varchar', length: 64, nullable: true }) highWater!: string | null;
  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true }) leaseUntil!: Date | null;
}

export type RunTrigger = 'pull' | 'push' | 'schedule';
export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

// One pull or push of a connection and what it did; a push's payload waits here for its job.
@Entity('collection_runs')
@Index('IDX_collection_runs_connection', ['tenantId', 'connectionId', 'id'])
export class CollectionRunRecord extends CityRow {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'connection_id', type: 'uuid' }) connectionId!: string;
  @Column({ type: 'varchar', length: 16 }) trigger!: RunTrigger;
  @Column({ type: 'varchar', length: 16 }) status!: RunStatus;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt!: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
  @Column({ type: 'integer', default: 0 }) created!: number;
  @Column({ type: 'integer', default: 0 }) corrected!: number;
  @Column({ type: 'integer', default: 0 }) ignored!: number;
  @Column({ type: 'integer', default: 0 }) rejected!: number;
  @Column({ type: 'jsonb', default: () => "'[]'" }) rejections!: { logicalId: string; reason: string }[];
  @Column({ type: 'jsonb', nullable: true }) payload!: Record<string, unknown> | null;
  @Column({ type: 'text', nullable: true }) error!: string | null;
}

// Exactly once: the last edit of each external submission a connection acted on, and its submission.
@Entity('collection_records')
export class CollectionIngestRecord extends CityRow {
  @PrimaryColumn({ name: 'connection_id', type: 'uuid' }) connectionId!: string;
  @PrimaryColumn({ name: 'logical_id', type: 'varchar', length: 200 }) logicalId!: string;
  @Column({ name: 'edit_id', type: 'varchar', length: 200 }) editId!: string;
  @Column({ name: 'submission_id', type: 'uuid', nullable: true }) submissionId!: string | null;
  @Column({ type: 'char', length: 64 }) fingerprint!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const COLLECTION_ENTITIES = [
  CollectionConnectionRecord,
  CollectionSecretRecord,
  CollectionRunRecord,
  CollectionIngestRecord,
];
