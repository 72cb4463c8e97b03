import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTICE_KINDS, NoticeKind } from '../domain/notice';
import { NoticeRow } from '../persistence/my-notices.repository';

// What a notice said when it was sent (names may have changed since). Every field but the city and the
// link depends on the kind.
export class NoticeDataView {
  @ApiProperty({ example: 'ghent' }) citySlug!: string;
  @ApiProperty({ example: 'Ghent' }) cityName!: string;
  @ApiPropertyOptional({ example: 'EDU-01' }) indicatorCode?: string;
  @ApiPropertyOptional({ example: 'Early school leavers' }) indicatorName?: string;
  @ApiPropertyOptional({ example: '2025' }) periodCode?: string;
  @ApiPropertyOptional({ example: 'Youth Rights Network' }) organisationName?: string;
  @ApiPropertyOptional({ format: 'date-time' }) deadline?: string;
  @ApiProperty({
    example: 'https://app.example.org/cities/ghent/assignments/0194…',
    description: 'Where the recipient acts on it (the assignment, the submission, the comment thread)',
  })
  link!: string;
  @ApiPropertyOptional({ description: 'Why a submission was returned' }) reason?: string;
  @ApiPropertyOptional() commentExcerpt?: string;
  @ApiPropertyOptional() authorName?: string;
  @ApiPropertyOptional({ description: "term.changed: the glossary term's preferred label" })
  termLabel?: string;
  @ApiPropertyOptional({ description: 'term.changed: the term was deprecated' }) termDeprecated?: boolean;
  @ApiPropertyOptional({ description: 'Whose mandate ends (mandate.expiring)' }) holderName?: string;
}

export class NoticeView {
  @ApiProperty({ format: 'uuid', description: 'Also the `before` cursor of the next page' }) id!: string;
  @ApiProperty({ example: 'ghent', description: "The slug of the notice's city" }) city!: string;
  @ApiProperty({ enum: NOTICE_KINDS }) kind!: NoticeKind;
  @ApiProperty({ type: NoticeDataView }) data!: NoticeDataView;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', type: String, nullable: true, description: 'null = unread' })
  readAt!: string | null;
}

export const toNoticeView = (row: NoticeRow): NoticeView => ({
  id: row.id,
  city: row.city,
  kind: row.kind,
  data: row.data,
  createdAt: new Date(row.createdAt).toISOString(),
  readAt: row.readAt === null ? null : new Date(row.readAt).toISOString(),
});

export class NoticeReadView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When it was first marked read (marking it again keeps this instant)',
  })
  readAt!: string;
}

export class NoticesReadView {
  @ApiProperty({ description: 'How many unread notices this marked read' }) marked!: number;
  @ApiProperty({ format: 'date-time' }) readAt!: string;
}

export class NotificationPreferencesView {
  @ApiProperty({ description: 'Receive notices by e-mail' }) email!: boolean;
  @ApiProperty({ description: 'Receive notices in the in-app inbox (GET /v1/me/notifications)' })
  inApp!: boolean;
  @ApiProperty({ description: 'E-mails as one daily digest (08:00 in your time zone) instead of one by one' })
  digest!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Europe/Brussels',
    description: "IANA time zone for quiet hours, digests and times in messages; null = each city's own",
  })
  timezone!: string | null;
}

export class ReminderOffsetView {
  @ApiProperty({
    example: '-P3D',
    description: "ISO 8601 duration relative to the deadline: '-P3D' three days before, 'P1D' a day after",
  })
  offset!: string;
  @ApiPropertyOptional({
    example: '09:00',
    description: "At this local time (HH:MM, the city's zone) of that day",
  })
  at?: string;
  @ApiPropertyOptional({ description: 'After the deadline only: the coordinators are told as well' })
  escalate?: boolean;
}

export class QuietHoursView {
  @ApiProperty({ example: '21:00' }) start!: string;
  @ApiProperty({ example: '07:00' }) end!: string;
}

export class ReminderPolicyView {
  @ApiProperty({ type: [ReminderOffsetView] }) offsets!: ReminderOffsetView[];
  @ApiProperty({
    type: QuietHoursView,
    nullable: true,
    description: "E-mails due inside this window (recipient's local time) wait for its end; null = none",
  })
  quietHours!: QuietHoursView | null;
  @ApiProperty({
    description: 'The version of the policy stream (0 = never changed); send it as If-Match to PUT',
  })
  version!: number;
  @ApiProperty({ description: 'true = the platform default (the city never set a policy)' })
  isDefault!: boolean;
}

export class CalendarLinkView {
  @ApiProperty({
    example: 'https://api.example.org/v1/cities/ghent/calendar.ics?token=…',
    description:
      'Secret subscription link for calendar apps; shown only now. Issuing a new one revokes the previous one.',
  })
  url!: string;
}
