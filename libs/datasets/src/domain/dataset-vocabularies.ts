// The closed vocabularies of a catalogue entry, as DCAT-AP names them.

export const DATASET_KINDS = ['dataset', 'collection-tool'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

// Who holds the data: the guidance asks to integrate datasets of the public sector, academia and CSOs.
export const SECTORS = ['public', 'academic', 'cso'] as const;
export type Sector = (typeof SECTORS)[number];

// The sector an owner's organisation kind implies; service providers and others name theirs.
const SECTOR_OF_KIND: Record<string, Sector> = {
  local_authority: 'public',
  academic: 'academic',
  cso: 'cso',
};
export const sectorOfOrganisationKind = (kind: string): Sector | undefined => SECTOR_OF_KIND[kind];

// Update frequencies by their name, with their code in the EU frequency authority table
// (http://publications.europa.eu/resource/authority/frequency/<code>), which DCAT-AP's
// dct:accrualPeriodicity takes.
export const FREQUENCY_CODES = {
  continuous: 'CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  semiannual: 'ANNUAL_2',
  annual: 'ANNUAL',
  biennial: 'BIENNIAL',
  triennial: 'TRIENNIAL',
  irregular: 'IRREG',
  never: 'NEVER',
  unknown: 'UNKNOWN',
} as const;
export type UpdateFrequency = keyof typeof FREQUENCY_CODES;
export const UPDATE_FREQUENCIES = Object.keys(FREQUENCY_CODES) as UpdateFrequency[];

// Formats by their name in the EU file-type table, with the IANA media type DCAT-AP's dcat:mediaType
// takes (none for an API or paper, which are not files).
export const FORMAT_MEDIA_TYPES = {
  CSV: 'text/csv',
  TSV: 'text/tab-separated-values',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  XLS: 'application/vnd.ms-excel',
  ODS: 'application/vnd.oasis.opendocument.spreadsheet',
  JSON: 'application/json',
  GEOJSON: 'application/geo+json',
  XML: 'application/xml',
  RDF_TURTLE: 'text/turtle',
  PDF: 'application/pdf',
  DOCX: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  HTML: 'text/html',
  API: null,
  PAPER: null,
} as const;
export type DatasetFormat = keyof typeof FORMAT_MEDIA_TYPES;
export const DATASET_FORMATS = Object.keys(FORMAT_MEDIA_TYPES) as DatasetFormat[];

export const SPATIAL_SCHEMES = ['NUTS', 'LAU'] as const;
export type SpatialScheme = (typeof SPATIAL_SCHEMES)[number];
