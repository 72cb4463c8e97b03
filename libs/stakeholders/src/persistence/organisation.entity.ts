import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ORGANISATION_KINDS, OrganisationKind } from '../domain/organisation.events';

// Read model of the organisations projection; written only by it.
@Entity('organisations')
@Index('IDX_organisations_name', ['tenantId', 'name', 'id'])
export class OrganisationRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'enum', enum: ORGANISATION_KINDS, enumName: 'organisation_kind' })
  kind!: OrganisationKind;

  // The stream version this row reflects; replays of older events are ignored.
  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
