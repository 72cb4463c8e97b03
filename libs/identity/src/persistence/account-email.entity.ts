import { Column, CreateDateColumn, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import { SendLeaseColumns } from '@rl/persistence';
import { UserRecord } from './user.entity';

export const ACCOUNT_EMAIL_KINDS = [
  'account.invitation',
  'account.membership-offered',
  'account.password-reset',
] as const;
export type AccountEmailKind = (typeof ACCOUNT_EMAIL_KINDS)[number];

export interface AccountEmailData {
  cityName?: string;
  role?: string;
  expiresAt?: string;
}

// The outbox of account e-mails (invitations, password resets). Platform-wide, unlike city notices: a
// reset belongs to no city, and these never enter an in-app inbox. A one-time token rides here only
// until the e-mail is handed to the mail server; the sender then clears it.
@Entity('account_emails')
@Index('ix_account_emails_pending', ['status', 'createdAt'])
export class AccountEmailRecord {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  @ForeignKey(() => UserRecord, { name: 'fk_account_emails_user', onDelete: 'CASCADE' })
  userId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: AccountEmailKind;

  @Column({ type: 'jsonb' })
  data!: AccountEmailData;

  @Column({ type: 'text', nullable: true })
  token!: string | null;

  // Failed once it is older than NOTICE_MAX_AGE_HOURS and still not sent (its token is erased then too).
  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status!: 'pending' | 'sent' | 'failed';

  // Sent under a lease with retries, exactly as a city's notices are.
  @Column(() => SendLeaseColumns, { prefix: false })
  lease!: SendLeaseColumns;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;
}
