import { Column, Entity } from 'typeorm';
import { CityRow } from '@rl/persistence';
import { QuietHours, ReminderOffset } from '../domain/reminder-policy';

// A city's reminder policy; no row means the defaults. Changes are also recorded as events (audit).
@Entity('reminder_policies')
export class ReminderPolicyRecord extends CityRow {
  @Column({ type: 'jsonb' })
  offsets!: ReminderOffset[];

  @Column({ name: 'quiet_hours', type: 'jsonb', nullable: true })
  quietHours!: QuietHours | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
