import type { ReportContent, ReportPin, Section } from './report-content';

export { PinnedCheckpoint, ReportPin, Section, SECTIONS } from './report-content';

export type ReportEvent =
  | {
      type: 'ReportRequested';
      data: { reportId: string; year: number; title: string; sections: Section[]; requestedBy: string };
    }
  | {
      type: 'ReportGenerated';
      // The content travels with the event, so the read model can be rebuilt from the log alone.
      data: ReportPin & { reportId: string; contentHash: string; content: ReportContent };
    }
  | { type: 'ReportFailed'; data: { reportId: string; reason: string } }
  | { type: 'ReportPublished'; data: { reportId: string } };

export type ReportEventType = ReportEvent['type'];

export const REPORT_EVENT_TYPES: readonly ReportEventType[] = [
  'ReportRequested',
  'ReportGenerated',
  'ReportFailed',
  'ReportPublished',
];

export const reportStream = (reportId: string) => `report-${reportId}`;
