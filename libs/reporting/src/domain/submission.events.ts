// SDMX-like observation status codes (Open SDG uses the same vocabulary).
export const OBSERVATION_STATUSES = ['normal', 'estimated', 'provisional', 'break', 'missing'] as const;
export type ObservationStatus = (typeof OBSERVATION_STATUSES)[number];

export const SUBMISSION_STATUSES = ['submitted', 'validated', 'returned'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export interface Observation {
  // Canonical series key: `dim:value` pairs sorted by dimension, comma-separated; '' is the total.
  key: string;
  disaggregation: Record<string, string>;
  value: number;
  status: ObservationStatus;
  outlier?: { reason: string };
}

export interface SubmissionKey {
  submissionId: string;
  indicatorId: string;
  periodId: string;
  organisationId: string;
}

export interface SubmittedData {
  observations: Observation[];
  late: boolean;
  // The indicator definition the values were submitted under.
  definitionVersion: number;
  series: number;
}

export type SubmissionEvent =
  | {
      type: 'SubmissionSubmitted';
      data: SubmissionKey & SubmittedData & { source?: string; note?: string };
    }
  | { type: 'SubmissionCorrected'; data: SubmissionKey & SubmittedData & { reason: string } }
  | {
      type: 'SubmissionValidated';
      // The validated observations travel with the event so that the series read model needs no lookup.
      data: SubmissionKey & { observations: Observation[]; late: boolean; series: number };
    }
  | { type: 'SubmissionReturned'; data: SubmissionKey & { reason: string } };

export type SubmissionEventType = SubmissionEvent['type'];

export const SUBMISSION_EVENT_TYPES: readonly SubmissionEventType[] = [
  'SubmissionSubmitted',
  'SubmissionCorrected',
  'SubmissionValidated',
  'SubmissionReturned',
];

export const submissionStream = (submissionId: string) => `submission-${submissionId}`;
