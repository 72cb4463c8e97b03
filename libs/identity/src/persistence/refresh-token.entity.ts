import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { HashedTokenRow } from './hashed-token.columns';
import { UserRecord } from './user.entity';

// One refresh token of a login session ("family"). Each refresh rotates it: the used token is marked
// rotated and a successor issued in the same family; presenting a rotated token revokes the family.
@Entity('refresh_tokens')
@Index('uq_refresh_tokens_token_hash', ['tokenHash'], { unique: true })
@Index('ix_refresh_tokens_family', ['familyId'])
export class RefreshTokenRecord extends HashedTokenRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'family_id', type: 'uuid' })
  familyId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserRecord, { name: 'fk_refresh_tokens_user', onDelete: 'CASCADE' })
  userId!: string;

  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
