import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '@rl/event-store';
import { ProjectionDefinition, rowProjection } from '@rl/projections';
import { MEETING_EVENT_TYPES, MeetingEvent } from '../domain/meeting.events';
import { MeetingRecord } from '../persistence/meeting.entity';

export type MeetingRow = Omit<MeetingRecord, 'tenantId'>;

export const MEETINGS_PROJECTION = 'meetings';

const concerned = (row: Pick<MeetingRow, 'invitedOrganisationIds' | 'attendees'>) => [
  ...new Set([
    ...row.invitedOrganisationIds,
    ...row.attendees.flatMap((a) => (a.organisationId === null ? [] : [a.organisationId])),
  ]),
];

function changed(row: MeetingRow, event: RecordedEvent<MeetingEvent>): MeetingRow {
  const at = event.recordedAt.toISOString();
  switch (event.type) {
    case 'MeetingScheduled':
      return row;
    case 'MeetingRevised': {
      const { meetingId: _, ...changes } = event.data;
      return { ...row, ...changes };
    }
    case 'MeetingRescheduled':
      return { ...row, startsAt: new Date(event.data.startsAt), endsAt: new Date(event.data.endsAt) };
    case 'MeetingInvitationsChanged': {
      const { invitedOrganisationIds, invitedUserIds } = event.data;
      const next = { ...row, invitedOrganisationIds, invitedUserIds };
      return { ...next, organisationIds: concerned(next) };
    }
    case 'MeetingCancelled':
      return { ...row, status: 'cancelled', cancelReason: event.data.reason };
    case 'MeetingAttendanceRecorded': {
      const next = { ...row, attendees: event.data.attendees };
      return { ...next, organisationIds: concerned(next) };
    }
    case 'MeetingMinutesRecorded': {
      const { revision, text, visibility } = event.data;
      return { ...row, minutes: [...row.minutes, { revision, text, visibility, recordedAt: at }] };
    }
    case 'MeetingDecisionRecorded': {
      const { decisionId, text, links, taskIds } = event.data;
      return {
        ...row,
        decisions: [...row.decisions, { id: decisionId, text, links, taskIds, recordedAt: at }],
      };
    }
  }
}

export function evolveMeetingRow(
  row: MeetingRow | undefined,
  event: RecordedEvent<MeetingEvent>,
): MeetingRow | undefined {
  if (event.type === 'MeetingScheduled') {
    const { meetingId, startsAt, endsAt, ...details } = event.data;
    const scheduled = {
      id: meetingId,
      ...details,
      status: 'scheduled' as const,
      startsAt: new Date(startsAt),
      endsAt: new Date(endsAt),
      attendees: [],
      minutes: [],
      decisions: [],
      cancelReason: null,
      version: event.version,
      createdAt: event.recordedAt,
      updatedAt: event.recordedAt,
    };
    return { ...scheduled, organisationIds: concerned(scheduled) };
  }
  return row && { ...changed(row, event), version: event.version, updatedAt: event.recordedAt };
}

@Injectable()
@ProjectionDefinition()
export class MeetingsProjection extends rowProjection<MeetingRow, MeetingEvent>({
  name: MEETINGS_PROJECTION,
  table: 'meetings',
  handles: MEETING_EVENT_TYPES,
  columns: {
    id: 'uuid',
    title: 'text',
    kind: 'text',
    status: 'text',
    startsAt: 'timestamptz',
    endsAt: 'timestamptz',
    place: 'text',
    online: 'text',
    agenda: 'jsonb',
    periodId: 'uuid',
    indicatorIds: 'jsonb',
    invitedOrganisationIds: 'jsonb',
    invitedUserIds: 'jsonb',
    attendees: 'jsonb',
    organisationIds: 'jsonb',
    minutes: 'jsonb',
    decisions: 'jsonb',
    cancelReason: 'text',
    version: 'int',
    createdAt: 'timestamptz',
    updatedAt: 'timestamptz',
  },
  key: ['id'],
  keyOf: (event) => [event.data.meetingId],
  version: 'version',
  evolve: evolveMeetingRow,
}) {}
