import { Column, Entity, Index } from 'typeorm';
import { AggregateRow } from '@rl/persistence';
import type {
  AgendaItem,
  Attendee,
  MeetingKind,
  MeetingLink,
  MeetingStatus,
  MinutesVisibility,
} from '../domain/meeting.events';

export interface MinutesRecord {
  revision: number;
  text: string;
  visibility: MinutesVisibility;
  recordedAt: string;
}

export interface DecisionRecord {
  id: string;
  text: string;
  links: MeetingLink[];
  taskIds: string[];
  recordedAt: string;
}

// Read model of the meetings projection; written only by it. People are kept as ids.
@Entity('meetings')
@Index('IDX_meetings_starts_at', ['tenantId', 'startsAt', 'id'])
export class MeetingRecord extends AggregateRow {
  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: MeetingKind;

  @Column({ type: 'varchar', length: 16 })
  status!: MeetingStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'varchar', length: 300, nullable: true })
  place!: string | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  online!: string | null;

  @Column({ type: 'jsonb' })
  agenda!: AgendaItem[];

  @Column({ name: 'period_id', type: 'uuid', nullable: true })
  periodId!: string | null;

  @Column({ name: 'indicator_ids', type: 'jsonb' })
  indicatorIds!: string[];

  @Column({ name: 'invited_organisation_ids', type: 'jsonb' })
  invitedOrganisationIds!: string[];

  @Column({ name: 'invited_user_ids', type: 'jsonb' })
  invitedUserIds!: string[];

  @Column({ type: 'jsonb' })
  attendees!: Attendee[];

  // Invited and attending organisations: whom the meeting concerns on the timeline.
  @Column({ name: 'organisation_ids', type: 'jsonb' })
  organisationIds!: string[];

  // Every revision, oldest first; the last one is the current minutes.
  @Column({ type: 'jsonb' })
  minutes!: MinutesRecord[];

  @Column({ type: 'jsonb' })
  decisions!: DecisionRecord[];

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;
}

export const MEETINGS_ENTITIES = [MeetingRecord];
