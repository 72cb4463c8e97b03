import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS } from '@rl/stakeholders';
import { WriteResultView } from '@rl/web';
import {
  MEETING_KINDS,
  MEETING_LINK_KINDS,
  MEETING_STATUSES,
  MeetingKind,
  MeetingLinkKind,
  MeetingStatus,
  MINUTES_VISIBILITIES,
  MinutesVisibility,
} from './domain/meeting.events';

export class CreatedMeetingView extends WriteResultView {
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class CreatedDecisionView extends WriteResultView {
  @ApiProperty({ format: 'uuid', description: 'The decision; tasks link to it as kind meeting-decision' })
  id!: string;
  @ApiProperty({ type: [String], description: 'The tasks created from it' }) taskIds!: string[];
}

export class MeetingLinkView {
  @ApiProperty({ enum: MEETING_LINK_KINDS }) kind!: MeetingLinkKind;
  @ApiProperty({ format: 'uuid' }) id!: string;
}

export class AgendaItemView {
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: Number }) durationMinutes!: number | null;
  @ApiProperty({ type: [MeetingLinkView] }) links!: MeetingLinkView[];
}

export class AttendeeView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) userId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId!: string | null;
}

const KIND_COUNTS = [...ORGANISATION_KINDS, 'none'] as const;

export class AttendanceView {
  @ApiProperty({ type: [AttendeeView] }) attendees!: AttendeeView[];
  @ApiProperty() total!: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(KIND_COUNTS.map((k) => [k, { type: 'integer' }])),
    description: "Attendees per kind of their organisation (its kind today); 'none': without an organisation",
  })
  byOrganisationKind!: Record<(typeof KIND_COUNTS)[number], number>;
}

export class MinutesView {
  @ApiProperty() revision!: number;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: MINUTES_VISIBILITIES }) visibility!: MinutesVisibility;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class DecisionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ type: [MeetingLinkView] }) links!: MeetingLinkView[];
  @ApiProperty({ type: [String] }) taskIds!: string[];
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export class MeetingSummaryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: MEETING_KINDS }) kind!: MeetingKind;
  @ApiProperty({ enum: MEETING_STATUSES }) status!: MeetingStatus;
  @ApiProperty({ format: 'date-time' }) startsAt!: string;
  @ApiProperty({ format: 'date-time' }) endsAt!: string;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
  @ApiProperty({ nullable: true, type: String }) online!: string | null;
  @ApiProperty({ description: 'Stream version; send it as If-Match to change the meeting' }) version!: number;
}

export class MeetingView extends MeetingSummaryView {
  @ApiProperty({ type: [AgendaItemView] }) agenda!: AgendaItemView[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) periodId!: string | null;
  @ApiProperty({ type: [String] }) indicatorIds!: string[];
  @ApiProperty({ type: [String] }) invitedOrganisationIds!: string[];
  @ApiProperty({ type: [String] }) invitedUserIds!: string[];
  @ApiProperty({ type: AttendanceView }) attendance!: AttendanceView;
  @ApiProperty({ type: MinutesView, nullable: true, description: 'The latest revision' })
  minutes!: MinutesView | null;
  @ApiProperty({ type: [MinutesView], description: 'Earlier revisions, oldest first' })
  minutesHistory!: MinutesView[];
  @ApiProperty({ type: [DecisionView] }) decisions!: DecisionView[];
  @ApiProperty({ nullable: true, type: String }) cancelReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}
