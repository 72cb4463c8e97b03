import { Reference } from '../persistence/meeting-references';
import { AgendaItemDto, MeetingLinkDto } from './meeting-fields.dto';

// The ids a request names, each with the field that names it, for the city check.

export const linkReferences = (field: string, links: readonly MeetingLinkDto[] | undefined): Reference[] =>
  (links ?? []).map((link, i) => ({ field: `${field}[${i}].id`, kind: link.kind, id: link.id }));

const ids = (field: string, kind: Reference['kind'], list: readonly string[] | undefined): Reference[] =>
  (list ?? []).map((id, i) => ({ field: `${field}[${i}]`, kind, id }));

export const meetingReferences = (input: {
  agenda?: readonly AgendaItemDto[];
  periodId?: string;
  indicatorIds?: readonly string[];
  invitedOrganisationIds?: readonly string[];
  invitedUserIds?: readonly string[];
}): Reference[] => [
  ...(input.agenda ?? []).flatMap((item, i) => linkReferences(`agenda[${i}].links`, item.links)),
  ...(input.periodId == null ? [] : [{ field: 'periodId', kind: 'period' as const, id: input.periodId }]),
  ...ids('indicatorIds', 'indicator', input.indicatorIds),
  ...ids('invitedOrganisationIds', 'organisation', input.invitedOrganisationIds),
  ...ids('invitedUserIds', 'member', input.invitedUserIds),
];
