import { Decider, FieldError } from '@rl/kernel';
import { ReportContent } from './report-content';
import { ReportErrors } from './report.errors';
import { REPORT_EVENT_TYPES, ReportEvent, ReportPin, Section, SECTIONS } from './report.events';

export const TITLE_MAX = 200;
// Reports of years before this hold no data the system can have (periods start in 1900).
const FIRST_YEAR = 1900;

export type ReportStatus = 'queued' | 'done' | 'failed';

export type ReportState =
  | { exists: false }
  | {
      exists: true;
      reportId: string;
      status: ReportStatus;
      published: boolean;
      // What the worker generates from.
      request: { year: number; title: string; sections: Section[] };
      requestedBy: string;
    };

export type ReportCommand =
  | {
      type: 'RequestReport';
      reportId: string;
      year: number;
      title: string;
      sections?: string[];
      requestedBy: string;
      // The city's current calendar year: a report of a later year cannot have data.
      currentYear: number;
    }
  | { type: 'RecordGeneration'; pin: ReportPin; contentHash: string; content: ReportContent }
  | { type: 'RecordFailure'; reason: string }
  | { type: 'PublishReport' };

function checkedRequest(command: Extract<ReportCommand, { type: 'RequestReport' }>) {
  const errors: FieldError[] = [];
  const { year, currentYear } = command;
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > currentYear)
    errors.push({ field: 'year', message: `must be a year from ${FIRST_YEAR} to ${currentYear}` });
  const title = command.title.trim();
  if (title.length === 0 || title.length > TITLE_MAX)
    errors.push({ field: 'title', message: `must be 1 to ${TITLE_MAX} characters` });
  const given = command.sections ?? [...SECTIONS];
  const unknown = given.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0 || given.length === 0)
    errors.push({ field: 'sections', message: `must be a non-empty subset of ${SECTIONS.join(', ')}` });
  if (errors.length > 0) throw ReportErrors.INVALID({ errors });
  // In the canonical order, once each, so equal requests give equal reports.
  const sections = SECTIONS.filter((s) => given.includes(s));
  return { year, title, sections };
}

function decide(command: ReportCommand, state: ReportState): ReportEvent[] {
  if (command.type === 'RequestReport') {
    const { reportId, requestedBy } = command;
    return [{ type: 'ReportRequested', data: { reportId, requestedBy, ...checkedRequest(command) } }];
  }
  if (!state.exists) throw ReportErrors.NOT_FOUND();
  const { reportId } = state;
  switch (command.type) {
    case 'RecordGeneration': {
      if (state.status !== 'queued') throw ReportErrors.ALREADY_GENERATED();
      const { pin, contentHash, content } = command;
      return [{ type: 'ReportGenerated', data: { reportId, ...pin, contentHash, content } }];
    }
    case 'RecordFailure':
      if (state.status !== 'queued') throw ReportErrors.ALREADY_GENERATED();
      return [{ type: 'ReportFailed', data: { reportId, reason: command.reason } }];
    case 'PublishReport':
      if (state.status !== 'done') throw ReportErrors.NOT_GENERATED();
      return state.published ? [] : [{ type: 'ReportPublished', data: { reportId } }];
  }
}

function evolve(state: ReportState, event: ReportEvent): ReportState {
  switch (event.type) {
    case 'ReportRequested': {
      const { reportId, year, title, sections, requestedBy } = event.data;
      return {
        exists: true,
        reportId,
        status: 'queued',
        published: false,
        request: { year, title, sections },
        requestedBy,
      };
    }
    case 'ReportGenerated':
      return state.exists ? { ...state, status: 'done' } : state;
    case 'ReportFailed':
      return state.exists ? { ...state, status: 'failed' } : state;
    case 'ReportPublished':
      return state.exists ? { ...state, published: true } : state;
  }
}

export const reportDecider: Decider<ReportState, ReportCommand, ReportEvent> = {
  initialState: () => ({ exists: false }),
  decide,
  evolve,
  eventTypes: REPORT_EVENT_TYPES,
};
