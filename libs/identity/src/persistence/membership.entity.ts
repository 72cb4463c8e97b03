import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { CITY_ROLES, CityRole } from '@rl/kernel';
import { CityRecord } from '@rl/tenancy';
import { UserRecord } from './user.entity';

export const MEMBERSHIP_ROLE_CHECK = `"role" IN (${CITY_ROLES.map((r) => `'${r}'`).join(', ')})`;

// A user's role in one city. Tenant table: tenant_id leads the key and row-level security applies.
@Entity('memberships')
@Check('ck_memberships_role', MEMBERSHIP_ROLE_CHECK)
// Logins and the access guard look memberships up by user across cities.
@Index('ix_memberships_user', ['userId'])
export class MembershipRecord {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  @ForeignKey(() => CityRecord, { name: 'fk_memberships_city' })
  tenantId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserRecord, { name: 'fk_memberships_user' })
  userId!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: CityRole;

  @Column({ name: 'organisation_id', type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  // Offered but not yet accepted by its owner: inactive (no access) until then.
  @Column({ type: 'boolean', default: false })
  pending!: boolean;

  // The name the city gave when adding the person: shown while pending, so that the member list does
  // not reveal the name (or the existence) of an account the person holds elsewhere.
  @Column({ name: 'invited_name', type: 'varchar', length: 200, nullable: true })
  invitedName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
