import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { CityRow } from '@rl/persistence';

// A person's notification settings, the same in every city they belong to (platform table).
@Entity('notification_preferences')
export class NotificationPreferenceRecord {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'boolean', default: true })
  email!: boolean;

  @Column({ name: 'in_app', type: 'boolean', default: true })
  inApp!: boolean;

  @Column({ type: 'boolean', default: false })
  digest!: boolean;

  // IANA zone for quiet hours, digests and the times in messages; null = the city's zone.
  @Column({ type: 'varchar', length: 64, nullable: true })
  timezone!: string | null;
}

// A member's secret calendar link for one city; only its SHA-256 is stored.
@Entity('calendar_tokens')
@Unique('UQ_calendar_tokens_hash', ['tenantId', 'tokenHash'])
export class CalendarTokenRecord extends CityRow {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;
}
