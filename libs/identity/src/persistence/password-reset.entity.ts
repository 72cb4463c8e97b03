import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { HashedTokenRow } from './hashed-token.columns';
import { UserRecord } from './user.entity';

// A one-time password-reset token, sent by e-mail. Only its SHA-256 is stored.
@Entity('password_resets')
@Index('uq_password_resets_token_hash', ['tokenHash'], { unique: true })
@Index('ix_password_resets_user', ['userId'])
export class PasswordResetRecord extends HashedTokenRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserRecord, { name: 'fk_password_resets_user', onDelete: 'CASCADE' })
  userId!: string;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
