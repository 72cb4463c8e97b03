import { Column } from 'typeorm';

// The columns of an outbox row sent under a lease with retries (notices, account e-mails), embedded
// without a prefix: failed sends so far, when the next may start, and which attempt holds the row until
// when (an expired lease can be claimed again).
export class SendLeaseColumns {
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'retry_at', type: 'timestamptz', nullable: true })
  retryAt!: Date | null;

  @Column({ name: 'claimed_by', type: 'uuid', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;
}
