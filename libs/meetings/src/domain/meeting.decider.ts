import { Decider } from '@rl/kernel';
import {
  AgendaItemInput,
  checkAgenda,
  checkAgendaFits,
  checkAttendees,
  checkLinks,
  checkList,
  checkText,
  checkTime,
  checkUrl,
  uniqueIds,
} from './meeting-content';
import { MeetingErrors } from './meeting.errors';
import {
  Attendee,
  Invitations,
  MEETING_EVENT_TYPES,
  MeetingDetails,
  MeetingEvent,
  MeetingKind,
  MeetingLink,
  MeetingStatus,
  MinutesVisibility,
} from './meeting.events';
import { MEETING_LIMITS as L } from './meeting-limits';

export type MeetingState =
  | { exists: false }
  | (MeetingDetails &
      Invitations & {
        exists: true;
        meetingId: string;
        status: MeetingStatus;
        minutesRevision: number;
        decisionIds: string[];
      });

export interface ScheduleMeeting {
  type: 'ScheduleMeeting';
  meetingId: string;
  title: string;
  kind: MeetingKind;
  startsAt: string;
  endsAt: string;
  place?: string | null;
  online?: string | null;
  agenda: AgendaItemInput[];
  periodId?: string;
  indicatorIds?: string[];
  invitedOrganisationIds?: string[];
  invitedUserIds?: string[];
}

// A partial change; `cancel` ends the meeting (nothing else changes with it).
export interface ReviseMeeting {
  type: 'ReviseMeeting';
  title?: string;
  startsAt?: string;
  endsAt?: string;
  place?: string | null;
  online?: string | null;
  agenda?: AgendaItemInput[];
  invitedOrganisationIds?: string[];
  invitedUserIds?: string[];
  cancel?: { reason?: string };
}

export type MeetingCommand =
  | ScheduleMeeting
  | ReviseMeeting
  | { type: 'RecordAttendance'; now: Date; attendees: Partial<Attendee>[] }
  | { type: 'RecordMinutes'; text: string; visibility: MinutesVisibility }
  | { type: 'RecordDecision'; decisionId: string; text: string; links: MeetingLink[]; taskIds: string[] };

const initialState = (): MeetingState => ({ exists: false });

const REVISABLE = ['title', 'startsAt', 'endsAt', 'place', 'online', 'agenda'] as const;

function checkInvitations(command: { invitedOrganisationIds?: string[]; invitedUserIds?: string[] }) {
  const invitedOrganisationIds = uniqueIds(command.invitedOrganisationIds);
  const invitedUserIds = uniqueIds(command.invitedUserIds);
  checkList('invitedOrganisationIds', invitedOrganisationIds, L.invitedOrganisations);
  checkList('invitedUserIds', invitedUserIds, L.invitedUsers);
  return { invitedOrganisationIds, invitedUserIds };
}

function schedule(command: ScheduleMeeting): MeetingEvent[] {
  const title = checkText('title', command.title, L.title);
  const time = checkTime(command.startsAt, command.endsAt);
  const agenda = checkAgenda(command.agenda);
  checkAgendaFits(agenda, time.minutes);
  const indicatorIds = uniqueIds(command.indicatorIds);
  checkList('indicatorIds', indicatorIds, L.indicators);
  if (command.kind !== 'results' && (command.periodId !== undefined || indicatorIds.length > 0)) {
    const field = command.periodId === undefined ? 'indicatorIds' : 'periodId';
    throw MeetingErrors.RESULTS_ONLY({ errors: [{ field, message: 'is only for a results session' }] });
  }
  return [
    {
      type: 'MeetingScheduled',
      data: {
        meetingId: command.meetingId,
        title,
        kind: command.kind,
        startsAt: time.startsAt,
        endsAt: time.endsAt,
        place: command.place ? checkText('place', command.place, L.place) : null,
        online: checkUrl(command.online),
        agenda,
        periodId: command.periodId?.toLowerCase() ?? null,
        indicatorIds,
        ...checkInvitations(command),
      },
    },
  ];
}

type Existing = Extract<MeetingState, { exists: true }>;

function revise(command: ReviseMeeting, state: Existing): MeetingEvent[] {
  const { meetingId } = state;
  if (command.cancel) {
    const reason = command.cancel.reason ? checkText('reason', command.cancel.reason, L.reason) : null;
    return [{ type: 'MeetingCancelled', data: { meetingId, reason } }];
  }
  const events: MeetingEvent[] = [];
  const time = checkTime(command.startsAt ?? state.startsAt, command.endsAt ?? state.endsAt);
  const agenda = command.agenda === undefined ? state.agenda : checkAgenda(command.agenda);
  checkAgendaFits(agenda, time.minutes);
  const title = command.title === undefined ? state.title : checkText('title', command.title, L.title);
  const place =
    command.place === undefined ? state.place : command.place && checkText('place', command.place, L.place);
  const online = command.online === undefined ? state.online : checkUrl(command.online);
  const revised = {
    ...(title !== state.title && { title }),
    ...(place !== state.place && { place }),
    ...(online !== state.online && { online }),
    ...(JSON.stringify(agenda) !== JSON.stringify(state.agenda) && { agenda }),
  };
  if (Object.keys(revised).length > 0)
    events.push({ type: 'MeetingRevised', data: { meetingId, ...revised } });
  if (time.startsAt !== state.startsAt || time.endsAt !== state.endsAt) {
    events.push({
      type: 'MeetingRescheduled',
      data: { meetingId, startsAt: time.startsAt, endsAt: time.endsAt },
    });
  }
  if (command.invitedOrganisationIds !== undefined || command.invitedUserIds !== undefined) {
    const invitations = checkInvitations({
      invitedOrganisationIds: command.invitedOrganisationIds ?? state.invitedOrganisationIds,
      invitedUserIds: command.invitedUserIds ?? state.invitedUserIds,
    });
    const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
    if (
      !same(invitations.invitedOrganisationIds, state.invitedOrganisationIds) ||
      !same(invitations.invitedUserIds, state.invitedUserIds)
    )
      events.push({ type: 'MeetingInvitationsChanged', data: { meetingId, ...invitations } });
  }
  return events;
}

function decide(command: MeetingCommand, state: MeetingState): MeetingEvent[] {
  if (command.type === 'ScheduleMeeting') {
    if (state.exists) throw MeetingErrors.ALREADY_EXISTS();
    return schedule(command);
  }
  if (command.type === 'ReviseMeeting') {
    const changed = [...REVISABLE, 'invitedOrganisationIds', 'invitedUserIds'].filter(
      (field) => command[field as keyof ReviseMeeting] !== undefined,
    );
    if (command.cancel && changed.length > 0) {
      throw MeetingErrors.CANCEL_ALONE({
        errors: changed.map((field) => ({ field, message: 'cannot change as the meeting is cancelled' })),
      });
    }
    if (!command.cancel && changed.length === 0) throw MeetingErrors.NOTHING_TO_CHANGE();
  }
  if (!state.exists) throw MeetingErrors.NOT_FOUND();
  if (state.status === 'cancelled') throw MeetingErrors.CANCELLED();
  const { meetingId } = state;
  switch (command.type) {
    case 'ReviseMeeting':
      return revise(command, state);
    case 'RecordAttendance': {
      if (command.now.getTime() < new Date(state.startsAt).getTime()) throw MeetingErrors.NOT_STARTED();
      return [
        {
          type: 'MeetingAttendanceRecorded',
          data: { meetingId, attendees: checkAttendees(command.attendees) },
        },
      ];
    }
    case 'RecordMinutes': {
      if (state.minutesRevision >= L.minutesRevisions) {
        throw MeetingErrors.TOO_LARGE({
          errors: [{ field: 'text', message: `minutes are revised at most ${L.minutesRevisions} times` }],
        });
      }
      const text = command.text.replace(/\r\n?/g, '\n').trim();
      if (text.length === 0 || text.length > L.minutesText) {
        throw MeetingErrors.TOO_LARGE({
          errors: [{ field: 'text', message: `must be 1 to ${L.minutesText} characters` }],
        });
      }
      return [
        {
          type: 'MeetingMinutesRecorded',
          data: { meetingId, revision: state.minutesRevision + 1, text, visibility: command.visibility },
        },
      ];
    }
    case 'RecordDecision': {
      if (state.decisionIds.length >= L.decisions) {
        throw MeetingErrors.TOO_LARGE({
          errors: [{ field: 'text', message: `at most ${L.decisions} decisions` }],
        });
      }
      if (state.decisionIds.includes(command.decisionId)) throw MeetingErrors.ALREADY_EXISTS();
      const text = command.text.replace(/\r\n?/g, '\n').trim();
      if (text.length === 0 || text.length > L.decisionText) {
        throw MeetingErrors.TOO_LARGE({
          errors: [{ field: 'text', message: `must be 1 to ${L.decisionText} characters` }],
        });
      }
      return [
        {
          type: 'MeetingDecisionRecorded',
          data: {
            meetingId,
            decisionId: command.decisionId,
            text,
            links: checkLinks('links', command.links),
            taskIds: command.taskIds,
          },
        },
      ];
    }
  }
}

function evolve(state: MeetingState, event: MeetingEvent): MeetingState {
  if (event.type === 'MeetingScheduled') {
    const { meetingId: _, ...data } = event.data;
    return {
      exists: true,
      meetingId: event.data.meetingId,
      ...data,
      status: 'scheduled',
      minutesRevision: 0,
      decisionIds: [],
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'MeetingRevised':
    case 'MeetingRescheduled':
    case 'MeetingInvitationsChanged': {
      const { meetingId: _, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'MeetingCancelled':
      return { ...state, status: 'cancelled' };
    case 'MeetingAttendanceRecorded':
      return state;
    case 'MeetingMinutesRecorded':
      return { ...state, minutesRevision: event.data.revision };
    case 'MeetingDecisionRecorded':
      return { ...state, decisionIds: [...state.decisionIds, event.data.decisionId] };
  }
}

export const meetingDecider: Decider<MeetingState, MeetingCommand, MeetingEvent> = {
  initialState,
  decide,
  evolve,
  eventTypes: MEETING_EVENT_TYPES,
};
