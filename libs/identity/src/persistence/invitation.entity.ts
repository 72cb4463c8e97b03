import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { CityRecord } from '@rl/tenancy';
import { HashedTokenRow } from './hashed-token.columns';
import { UserRecord } from './user.entity';

// A one-time token that lets an invited member choose a password. Only its SHA-256 is stored.
@Entity('invitations')
@Index('uq_invitations_token_hash', ['tenantId', 'tokenHash'], { unique: true })
export class InvitationRecord extends HashedTokenRow {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  @ForeignKey(() => CityRecord, { name: 'fk_invitations_city' })
  tenantId!: string;

  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserRecord, { name: 'fk_invitations_user' })
  userId!: string;

  @Column({ name: 'invited_by', type: 'uuid' })
  invitedBy!: string;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;
}
