import { Column, Entity, Index } from 'typeorm';
import { AggregateRow } from '@rl/persistence';
import { ORGANISATION_KINDS, OrganisationKind } from '../domain/organisation.events';

// Read model of the organisations projection; written only by it.
@Entity('organisations')
@Index('IDX_organisations_name', ['tenantId', 'name', 'id'])
export class OrganisationRecord extends AggregateRow {
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'enum', enum: ORGANISATION_KINDS, enumName: 'organisation_kind' })
  kind!: OrganisationKind;
}
