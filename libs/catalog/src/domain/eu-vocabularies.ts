// The EU authority tables DCAT-AP 3 points to, and the IANA media types.
const AUTHORITY = 'http://publications.europa.eu/resource/authority';
export const DATA_THEME_SCHEME = `${AUTHORITY}/data-theme`;
export const dataTheme = (code: string) => `${DATA_THEME_SCHEME}/${code}`;
export const fileType = (code: string) => `${AUTHORITY}/file-type/${code}`;
export const frequency = (code: string) => `${AUTHORITY}/frequency/${code}`;
export const language = (code: string) => `${AUTHORITY}/language/${code}`;
export const mediaType = (type: string) => `http://www.iana.org/assignments/media-types/${type}`;
export const spdxLicence = (id: string) => `http://spdx.org/licenses/${id}`;

// ISO 639-1 to the EU language table's ISO 639-3 codes, for the languages cities write in.
const LANGUAGES: Record<string, string> = {
  en: 'ENG',
  nl: 'NLD',
  it: 'ITA',
  fr: 'FRA',
  de: 'DEU',
  es: 'SPA',
  pt: 'POR',
  ca: 'CAT',
  pl: 'POL',
  sv: 'SWE',
  da: 'DAN',
  fi: 'FIN',
  el: 'ELL',
};
export const languageOf = (locale: string): string | undefined =>
  LANGUAGES[locale.split(/[-_]/)[0].toLowerCase()];

// A right's words to the EU data theme that covers it; rights are free text, so the first match of a
// keyword wins and anything else is a social question (SOCI).
const THEME_KEYWORDS: [RegExp, string][] = [
  [/educat|school|learn/i, 'EDUC'],
  [/health|care/i, 'HEAL'],
  [/work|employ|labour|labor|income/i, 'ECON'],
  [/environment|water|climate|pollut/i, 'ENVI'],
  [/justice|discriminat|security|safety|police/i, 'JUST'],
  [/participat|govern|information|transparen/i, 'GOVE'],
  [/transport|mobility/i, 'TRAN'],
  [/energy/i, 'ENER'],
  [/food/i, 'AGRI'],
];
export const themeOfRight = (right: string): string =>
  THEME_KEYWORDS.find(([pattern]) => pattern.test(right))?.[1] ?? 'SOCI';

// Who holds a catalogued dataset: the public sector's data is government's, research data science's.
const SECTOR_THEMES: Record<string, string> = { public: 'GOVE', academic: 'TECH', cso: 'SOCI' };
export const themeOfSector = (sector: string): string => SECTOR_THEMES[sector] ?? 'SOCI';

// NUTS codes have URIs in the EU's NUTS table; LAU codes have none that resolve.
export const nutsRegion = (code: string) => `http://data.europa.eu/nuts/code/${code}`;
