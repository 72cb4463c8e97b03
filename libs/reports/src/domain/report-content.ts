import { createHash } from 'node:crypto';
import { canonicalJson } from '@rl/kernel';

export const SECTIONS = ['summary', 'indicators', 'completeness', 'meetings', 'budget'] as const;
export type Section = (typeof SECTIONS)[number];

// The signed checkpoint at or before the pinned position, when the city has one.
export interface PinnedCheckpoint {
  position: number;
  headHash: string;
  signedAt: string;
  keyId: string;
}

// Where a report stands in the city's log: everything it shows comes from events up to `position`, whose
// chain hash is `headHash`.
export interface ReportPin {
  position: number;
  headHash: string;
  checkpoint: PinnedCheckpoint | null;
  // The instant of the event at `position`: the only time the content carries, so it is reproducible.
  generatedAt: string;
}

// One cell of the year as the public sees it: value null where small numbers are suppressed (status Q).
export interface ReportCell {
  period: string;
  key: string;
  disaggregation: Record<string, string>;
  value: number | null;
  obsStatus: string;
}

export interface ReportIndicator {
  id: string;
  code: string;
  name: string;
  unit: string;
  // The small-number rule the values were suppressed with (null: none applies).
  disclosure: { minCount: number; secondary: boolean } | null;
  // The totals of every period up to the end of the year, for the chart (suppressed: null).
  trend: { period: string; value: number | null; series: number }[];
  cells: ReportCell[];
  // Public interpretation comments by id: their words are their authors' personal data, so they stay out
  // of the content (and the log) and are read from the comments read model when rendered, where an
  // erasure or a retraction reaches them.
  comments: { id: string; createdAt: string }[];
}

export interface ReportContent {
  city: { slug: string; name: string; locale: string };
  year: number;
  title: string;
  sections: Section[];
  pin: ReportPin;
  // The periods of the year the values come from (id → code), so later corrections can be matched.
  periods: { id: string; code: string }[];
  summary?: { publicIndicators: number; valuesValidated: number; organisations: number };
  rights?: { right: string; indicators: ReportIndicator[] }[];
  completeness?: {
    organisationId: string;
    organisation: string;
    expected: number;
    submitted: number;
    validated: number;
    late: number;
  }[];
  meetings?: {
    id: string;
    title: string;
    startsAt: string;
    status: string;
    decisions: { id: string; text: string; recordedAt: string }[];
  }[];
  budget?: {
    id: string;
    code: string;
    title: string;
    amount: number;
    currency: string;
    committed: number;
    indicators: string[];
  }[];
}

// The words of the comments a report cites, by comment id, as they stand when it is read.
export type CommentBodies = ReadonlyMap<string, string>;

export const commentIdsOf = (content: ReportContent): string[] =>
  (content.rights ?? []).flatMap((r) => r.indicators.flatMap((i) => i.comments.map((c) => c.id)));

// The text the content hash is taken of: keys sorted at every level, so equal content hashes equally
// whatever order it was assembled in.
export const canonicalContent = (content: ReportContent): string => canonicalJson(content);

export const contentHashOf = (content: ReportContent): string =>
  createHash('sha256').update(canonicalContent(content)).digest('hex');
