// Sizes a meeting may reach, held by the decider and read by the DTOs (hostile input stays bounded).
export const MEETING_LIMITS = {
  title: 200,
  place: 300,
  url: 2000,
  agendaItems: 50,
  agendaTitle: 300,
  links: 50,
  // A meeting lasts at most a week; an agenda item at most a day.
  maxDurationMinutes: 7 * 24 * 60,
  itemMinutes: 24 * 60,
  indicators: 100,
  invitedOrganisations: 200,
  invitedUsers: 500,
  attendees: 1000,
  minutesText: 20_000,
  minutesRevisions: 50,
  decisions: 100,
  decisionText: 5000,
  decisionTasks: 20,
  taskTitle: 200,
  taskDescription: 2000,
  reason: 1000,
} as const;
