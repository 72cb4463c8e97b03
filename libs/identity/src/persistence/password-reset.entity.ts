import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { UserRecord } from './user.entity';

// A one-time password-reset token, sent by e-mail. Only its SHA-256 is stored.
@Entity('password_resets')
@Index('uq_password_resets_token_hash', ['tokenHash'], { unique: true })
@Index('ix_password_resets_user', ['userId'])
export class PasswordResetRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserRecord, { name: 'fk_password_resets_user', onDelete: 'CASCADE' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
