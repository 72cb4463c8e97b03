import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CityRow } from '@rl/persistence';

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'rejected'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

// One uploaded Open SDG file and what became of it. The worker reads the file from here (a queue job is
// only a wake-up); the bytes are dropped once the import is done or rejected.
@Entity('imports')
@Index('IDX_imports_pending', ['tenantId', 'status'])
export class ImportRecord extends CityRow {
  // UUIDv7: listing by id is listing by upload time.
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  // The organisation the data is imported for: a collector sees their own organisation's imports.
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName!: string;

  @Column({ name: 'file_size', type: 'integer' })
  fileSize!: number;

  @Column({ type: 'bytea', nullable: true })
  content!: Buffer | null;

  // The form fields, the city's time zone and the command metadata the worker runs the import with.
  @Column({ type: 'jsonb' })
  request!: Record<string, unknown>;

  @Column({ type: 'enum', enum: IMPORT_STATUSES, enumName: 'import_status' })
  status!: ImportStatus;

  @Column({ type: 'smallint', default: 0 })
  attempts!: number;

  @Column({ name: 'rows_read', type: 'integer', default: 0 })
  rowsRead!: number;

  @Column({ type: 'smallint', default: 0 })
  percent!: number;

  @Column({ type: 'jsonb', nullable: true })
  report!: Record<string, unknown> | null;

  // Why a rejected import stopped when it was not row by row: {code, detail, errors}.
  @Column({ type: 'jsonb', nullable: true })
  error!: Record<string, unknown> | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
