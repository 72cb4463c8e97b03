import { Column, Entity, Index } from 'typeorm';
import { AggregateRow } from '@rl/persistence';
import type {
  Availability,
  Money,
  ResourceKind,
  ResourceLink,
  ResourceStatus,
} from '../domain/resource.events';

// Read model of the resources projection; written only by it. Listed by title (a city offers tens to
// hundreds of resources, so the filters need no index of their own).
@Entity('resources')
@Index('IDX_resources_title', ['tenantId', 'title', 'id'])
export class ResourceRecord extends AggregateRow {
  @Column({ type: 'varchar', length: 16 })
  kind!: ResourceKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ name: 'offered_by', type: 'uuid' })
  offeredBy!: string;

  @Column({ type: 'jsonb', nullable: true })
  availability!: Availability | null;

  @Column({ type: 'jsonb', nullable: true })
  amount!: Money | null;

  @Column({ name: 'contact_role', type: 'varchar', length: 100, nullable: true })
  contactRole!: string | null;

  @Column({ type: 'jsonb' })
  links!: ResourceLink[];

  @Column({ type: 'varchar', length: 16 })
  status!: ResourceStatus;
}
