import { FieldError } from '@rl/kernel';
import { MeetingErrors } from './meeting.errors';
import { AgendaItem, Attendee, MeetingLink } from './meeting.events';
import { MEETING_LIMITS as L } from './meeting-limits';

// The checks and normal forms of what a meeting holds, shared by scheduling and revising it.

export interface AgendaItemInput {
  title: string;
  durationMinutes?: number | null;
  links?: MeetingLink[];
}

// Titles and places are stored with runs of white space folded, as people type them.
export const fold = (text: string) => text.trim().replace(/\s+/g, ' ');

const tooLarge = (field: string, message: string) =>
  MeetingErrors.TOO_LARGE({ errors: [{ field, message }] });

export function checkText(field: string, value: string, max: number): string {
  const text = fold(value);
  if (text.length === 0) throw tooLarge(field, 'must not be blank');
  if (text.length > max) throw tooLarge(field, `must be at most ${max} characters`);
  return text;
}

export function checkList<T>(field: string, list: readonly T[], max: number): void {
  if (list.length > max) throw tooLarge(field, `must have at most ${max} entries`);
}

// A link clients follow: only http(s), since it is published as a link.
export function checkUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || text.length > L.url) {
    throw MeetingErrors.INVALID_URL({ errors: [{ field: 'online', message: 'must be an http(s) URL' }] });
  }
  return text;
}

function instant(field: string, value: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) {
    throw MeetingErrors.INVALID_TIME({ errors: [{ field, message: 'must be an ISO 8601 instant' }] });
  }
  return at;
}

// The meeting's time as stored (UTC ISO strings) and its length in minutes.
export function checkTime(
  startsAt: string,
  endsAt: string,
): { startsAt: string; endsAt: string; minutes: number } {
  const start = instant('startsAt', startsAt);
  const end = instant('endsAt', endsAt);
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  if (minutes <= 0) {
    throw MeetingErrors.INVALID_TIME({ errors: [{ field: 'endsAt', message: 'must be after startsAt' }] });
  }
  if (minutes > L.maxDurationMinutes) {
    throw MeetingErrors.INVALID_TIME({
      errors: [{ field: 'endsAt', message: 'must be at most a week after startsAt' }],
    });
  }
  return { startsAt: start.toISOString(), endsAt: end.toISOString(), minutes };
}

export function checkLinks(field: string, links: readonly MeetingLink[] | undefined): MeetingLink[] {
  const list = links ?? [];
  checkList(field, list, L.links);
  const seen = new Set<string>();
  return list
    .map(({ kind, id }) => ({ kind, id: id.toLowerCase() }))
    .filter((link) => !seen.has(`${link.kind}/${link.id}`) && seen.add(`${link.kind}/${link.id}`));
}

export function checkAgenda(items: readonly AgendaItemInput[]): AgendaItem[] {
  checkList('agenda', items, L.agendaItems);
  return items.map((item, i) => {
    const minutes = item.durationMinutes ?? null;
    if (minutes !== null && (!Number.isInteger(minutes) || minutes < 1 || minutes > L.itemMinutes)) {
      throw tooLarge(`agenda[${i}].durationMinutes`, `must be a whole number from 1 to ${L.itemMinutes}`);
    }
    return {
      title: checkText(`agenda[${i}].title`, item.title, L.agendaTitle),
      durationMinutes: minutes,
      links: checkLinks(`agenda[${i}].links`, item.links),
    };
  });
}

// The items with a duration must fit in the meeting, one after another.
export function checkAgendaFits(agenda: readonly AgendaItem[], meetingMinutes: number): void {
  const total = agenda.reduce((sum, item) => sum + (item.durationMinutes ?? 0), 0);
  if (total > meetingMinutes) {
    throw MeetingErrors.AGENDA_TOO_LONG({
      message: `The agenda takes ${total} minutes; the meeting lasts ${meetingMinutes}`,
      errors: [
        { field: 'agenda', message: `takes ${total} minutes, longer than the meeting (${meetingMinutes})` },
      ],
      details: { agendaMinutes: total, meetingMinutes },
    });
  }
}

// Ids are compared and stored in lower case, each once.
export const uniqueIds = (ids: readonly string[] | undefined): string[] => [
  ...new Set((ids ?? []).map((id) => id.toLowerCase())),
];

export function checkAttendees(attendees: readonly Partial<Attendee>[]): Attendee[] {
  checkList('attendees', attendees, L.attendees);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const result: Attendee[] = [];
  attendees.forEach((a, i) => {
    const userId = a.userId?.toLowerCase() ?? null;
    const organisationId = a.organisationId?.toLowerCase() ?? null;
    if (userId === null && organisationId === null) {
      errors.push({ field: `attendees[${i}]`, message: 'names a userId, an organisationId or both' });
      return;
    }
    const key = `${userId}/${organisationId}`;
    if (!seen.has(key)) result.push({ userId, organisationId });
    seen.add(key);
  });
  if (errors.length > 0) throw MeetingErrors.ATTENDEE_EMPTY({ errors });
  return result;
}
