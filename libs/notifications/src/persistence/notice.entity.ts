import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { CityRow, SendLeaseColumns } from '@rl/persistence';
import { NOTICE_CHANNELS, NoticeChannel, NoticeData, NoticeKind } from '../domain/notice';

export const NOTICE_STATUSES = ['pending', 'sent', 'skipped', 'failed'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

// One notice to one recipient on one channel: the outbox of every e-mail and the in-app inbox. The
// unique key makes "exactly one notice per (assignment, deadline, offset, recipient)" a database fact.
@Entity('notices')
@Unique('UQ_notices_key', ['tenantId', 'key', 'recipientId', 'channel'])
@Index('IDX_notices_pending', ['tenantId', 'status', 'sendAfter'])
@Index('IDX_notices_inbox', ['recipientId', 'channel', 'createdAt'])
export class NoticeRecord extends CityRow {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ name: 'recipient_id', type: 'uuid' })
  recipientId!: string;

  @Column({ type: 'enum', enum: NOTICE_CHANNELS, enumName: 'notice_channel' })
  channel!: NoticeChannel;

  @Column({ type: 'varchar', length: 40 })
  kind!: NoticeKind;

  @Column({ type: 'jsonb' })
  data!: NoticeData;

  // Set on reminder notices: checked again when the e-mail goes out (submitted since? then it does not).
  @Column({ name: 'assignment_id', type: 'uuid', nullable: true })
  assignmentId!: string | null;

  // Set on task reminder notices, likewise: a task done or cancelled since is not e-mailed about.
  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  // E-mails the recipient wants as a daily digest rather than one by one.
  @Column({ type: 'boolean', default: false })
  digest!: boolean;

  @Column({ name: 'send_after', type: 'timestamptz' })
  sendAfter!: Date;

  @Column({ type: 'enum', enum: NOTICE_STATUSES, enumName: 'notice_status' })
  status!: NoticeStatus;

  // The last failed send; kept after a later success, for the record.
  @Column({ type: 'text', nullable: true })
  error!: string | null;

  // Sent under a lease, failed sends retried with a doubling backoff (MailLease).
  @Column(() => SendLeaseColumns, { prefix: false })
  lease!: SendLeaseColumns;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

// Who follows what (they submitted it, or commented on it): the recipients of later comments and of
// the validation or return of a submission.
@Entity('notice_follows')
export class NoticeFollowRecord extends CityRow {
  @PrimaryColumn({ name: 'target_id', type: 'uuid' })
  targetId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;
}

// Explicit follows of indicators (PUT …/indicators/:id/follow), kept by the glossary-notices projection.
@Entity('indicator_follows')
@Index('IDX_indicator_follows_user', ['tenantId', 'userId', 'indicatorId'])
export class IndicatorFollowRecord extends CityRow {
  @PrimaryColumn({ name: 'indicator_id', type: 'uuid' })
  indicatorId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'followed_at', type: 'timestamptz' })
  followedAt!: Date;
}
