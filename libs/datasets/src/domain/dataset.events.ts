import { DatasetFormat, DatasetKind, Sector, SpatialScheme, UpdateFrequency } from './dataset-vocabularies';

// Calendar days (YYYY-MM-DD), either end open.
export interface TemporalCoverage {
  from?: string;
  to?: string;
}

// A place by name, by code (a NUTS region or a LAU municipality), or both.
export interface SpatialCoverage {
  label?: string;
  scheme?: SpatialScheme;
  code?: string;
}

// What the catalogue says of a dataset or collection tool: what DCAT-AP needs to describe it.
export interface DatasetDetails {
  kind: DatasetKind;
  title: string;
  description: string;
  // The organisation of the city that holds it (dct:publisher).
  owner: string;
  sector: Sector;
  // An SPDX licence id, as the list spells it.
  licence: string;
  updateFrequency: UpdateFrequency;
  accessUrl?: string;
  format?: DatasetFormat;
  // Whether the dataset holds personal data (so it is never offered for download as is).
  personalData: boolean;
  temporalCoverage?: TemporalCoverage;
  spatialCoverage?: SpatialCoverage;
  // Ids of the city's indicators it feeds.
  indicators: string[];
  // Whether it may appear in the city's public (DCAT) catalogue.
  public: boolean;
  // When its owner first issued it and last changed it (dct:issued, dct:modified), as days.
  issued?: string;
  modified?: string;
}

// A change of the details: the fields given replace the current ones; null clears an optional one.
export type DatasetChanges = {
  [F in keyof DatasetDetails]?: undefined extends DatasetDetails[F]
    ? DatasetDetails[F] | null
    : DatasetDetails[F];
};

export const CRITERIA = ['relevance', 'accuracy', 'timeliness', 'accessibility', 'comparability'] as const;
export type Criterion = (typeof CRITERIA)[number];

// Keep the tool or dataset and adapt it, or replace it (by a new one, or another existing one).
export const VERDICTS = ['adapt', 'replace'] as const;
export type Verdict = (typeof VERDICTS)[number];

// A quality assessment: a score from 1 (poor) to 5 (good) per criterion, with the assessor's notes.
export interface Assessment {
  scores: Record<Criterion, number>;
  notes: Partial<Record<Criterion, string>>;
  verdict: Verdict;
  summary?: string;
}

export type DatasetEvent =
  | { type: 'DatasetCatalogued'; data: { datasetId: string; details: DatasetDetails } }
  | { type: 'DatasetRevised'; data: { datasetId: string; changes: DatasetChanges } }
  | { type: 'DatasetAssessed'; data: { datasetId: string; assessmentId: string } & Assessment };

export type DatasetEventType = DatasetEvent['type'];

export const DATASET_EVENT_TYPES: readonly DatasetEventType[] = [
  'DatasetCatalogued',
  'DatasetRevised',
  'DatasetAssessed',
];

export const datasetStream = (datasetId: string) => `dataset-${datasetId}`;
