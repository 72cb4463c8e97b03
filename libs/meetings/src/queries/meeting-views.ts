import { ORGANISATION_KINDS } from '@rl/stakeholders';
import { AttendanceView, MeetingSummaryView, MeetingView } from '../meeting.view';
import { MeetingRow } from '../projections/meetings.projection';

export const toMeetingSummary = (row: MeetingRow): MeetingSummaryView => ({
  id: row.id,
  title: row.title,
  kind: row.kind,
  status: row.status,
  startsAt: row.startsAt.toISOString(),
  endsAt: row.endsAt.toISOString(),
  place: row.place,
  online: row.online,
  version: row.version,
});

// Attendees counted by the kind of their organisation, as the organisations read model has it now.
function attendanceOf(row: MeetingRow, kinds: ReadonlyMap<string, string>): AttendanceView {
  const counts = Object.fromEntries(
    [...ORGANISATION_KINDS, 'none'].map((k) => [k, 0]),
  ) as AttendanceView['byOrganisationKind'];
  for (const { organisationId } of row.attendees) {
    const kind = (organisationId === null ? 'none' : kinds.get(organisationId)) as
      keyof typeof counts | undefined;
    if (kind !== undefined) counts[kind] += 1;
  }
  return { attendees: row.attendees, total: row.attendees.length, byOrganisationKind: counts };
}

export function toMeetingView(row: MeetingRow, kinds: ReadonlyMap<string, string>): MeetingView {
  const minutes = row.minutes.at(-1) ?? null;
  return {
    ...toMeetingSummary(row),
    agenda: row.agenda,
    periodId: row.periodId,
    indicatorIds: row.indicatorIds,
    invitedOrganisationIds: row.invitedOrganisationIds,
    invitedUserIds: row.invitedUserIds,
    attendance: attendanceOf(row, kinds),
    minutes,
    minutesHistory: row.minutes.slice(0, -1),
    decisions: row.decisions,
    cancelReason: row.cancelReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
