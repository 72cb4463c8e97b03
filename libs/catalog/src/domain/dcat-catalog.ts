import {
  DATA_THEME_SCHEME,
  dataTheme,
  fileType,
  frequency,
  language,
  languageOf,
  mediaType,
  nutsRegion,
  spdxLicence,
  themeOfRight,
  themeOfSector,
} from './eu-vocabularies';
import { Curie, iri, Literal, optional, Prop, RdfTerm, Resource, text, typed } from './rdf';

export interface CatalogCity {
  slug: string;
  name: string;
  locale: string;
  countryCode: string;
}

// Texts by language, e.g. { nl: 'Dakloosheid', en: 'Homelessness' }.
export type Texts = Record<string, string>;

// ISO dates (YYYY-MM-DD), both inclusive.
export interface Temporal {
  start: string;
  end: string;
}

// A public indicator's validated series.
export interface SeriesEntry {
  id: string;
  code: string;
  name: Texts;
  description: Texts | null;
  right: string;
  unit: string;
  // Framework references as `FRAMEWORK:code`.
  frameworkRefs: string[];
  temporal: Temporal | null;
  // First and last relevant events of the log (ISO date-times).
  issued: string;
  modified: string;
}

// A catalogued dataset the city marked public.
export interface DatasetEntry {
  id: string;
  kind: string;
  title: string;
  description: string;
  owner: { id: string; name: string | null };
  sector: string;
  // An SPDX licence id.
  licence: string;
  // Code in the EU frequency table.
  frequency: string;
  accessUrl: string | null;
  // Code in the EU file-type table, with its IANA media type (null for an API or paper).
  format: string | null;
  mediaType: string | null;
  temporal: Partial<Temporal> | null;
  spatial: { label?: string; scheme?: string; code?: string } | null;
  issued: string;
  modified: string;
}

export interface CatalogPage {
  // 1-based.
  number: number;
  size: number;
  total: number;
  modifiedSince?: string;
}

export interface CatalogInput {
  publicUrl: string;
  // The licence of the city's own open data (indicator series), an IRI.
  licence: string;
  city: CatalogCity;
  series: readonly SeriesEntry[];
  datasets: readonly DatasetEntry[];
  page: CatalogPage;
  // The last change of anything in the catalogue (ISO date-time), null when it is empty.
  modified: string | null;
}

// Stable URIs under PUBLIC_URL: the catalogue's address, a dataset a fragment of it named by the
// indicator's or dataset's id (codes may be renamed, ids never are).
export const catalogUri = (publicUrl: string, citySlug: string) =>
  `${publicUrl.replace(/\/$/, '')}/v1/public/cities/${encodeURIComponent(citySlug)}/catalog`;
export const seriesUri = (catalog: string, indicatorId: string) => `${catalog}#indicator-${indicatorId}`;
export const datasetUri = (catalog: string, datasetId: string) => `${catalog}#dataset-${datasetId}`;

export const pageCount = ({ size, total }: CatalogPage) => Math.max(1, Math.ceil(total / size));

export function pageUrl(catalog: string, page: CatalogPage, n: number): string {
  const since = page.modifiedSince ? `&modified_since=${encodeURIComponent(page.modifiedSince)}` : '';
  return `${catalog}?page=${n}${since}`;
}

const dateTime = (value: string): Literal => typed(value, value.length === 10 ? 'xsd:date' : 'xsd:dateTime');

// The city's language and English, where the texts have them; otherwise whatever there is.
function localised(texts: Texts, city: CatalogCity): Literal[] {
  const wanted = [city.locale.split(/[-_]/)[0], 'en'];
  const chosen = Object.entries(texts).filter(([lang, value]) => wanted.includes(lang) && value);
  return (chosen.length > 0 ? chosen : Object.entries(texts)).map(([lang, value]) => text(value, lang));
}

const each = (property: Curie, terms: readonly RdfTerm[]): Prop[] => terms.map((t) => [property, t]);

function periodOfTime(temporal: Partial<Temporal>): Resource {
  return {
    types: ['dct:PeriodOfTime'],
    props: [
      ...optional('dcat:startDate', temporal.start && typed(temporal.start, 'xsd:date')),
      ...optional('dcat:endDate', temporal.end && typed(temporal.end, 'xsd:date')),
    ],
  };
}

const location = (name: string): Resource => ({
  types: ['dct:Location'],
  props: [['locn:geographicName', text(name)]],
});

interface Distribution {
  uri: string;
  title: string;
  accessUrl: string;
  downloadUrl: string | null;
  format: string | null;
  mediaType: string | null;
  licence: string;
}

const distribution = (d: Distribution): Resource => ({
  id: d.uri,
  types: ['dcat:Distribution'],
  props: [
    ['dct:title', text(d.title, 'en')],
    ['dcat:accessURL', iri(d.accessUrl)],
    ...optional('dcat:downloadURL', d.downloadUrl && iri(d.downloadUrl)),
    ...optional('dct:format', d.format && iri(fileType(d.format))),
    ...optional('dcat:mediaType', d.mediaType && iri(mediaType(d.mediaType))),
    ['dct:license', iri(d.licence)],
  ],
});

export function buildCatalog(input: CatalogInput): Resource[] {
  const { city, page } = input;
  const base = input.publicUrl.replace(/\/$/, '');
  const catalog = catalogUri(base, city.slug);
  const cityPage = `${base}/cities/${encodeURIComponent(city.slug)}`;
  const publisher = `${catalog}#publisher`;
  const cityLanguage = languageOf(city.locale);
  const citySpatial = location(`${city.name} (${city.countryCode.toUpperCase()})`);
  // The city's generic contact: its public page, never a person.
  const contactPoint: Resource = {
    types: ['vcard:Kind', 'vcard:Organization'],
    props: [
      ['vcard:fn', text(`${city.name} — open data`)],
      ['vcard:hasURL', iri(cityPage)],
    ],
  };
  const common = (uri: string, keywords: string[], theme: string): Prop[] => [
    ['dct:identifier', text(uri)],
    ['dcat:contactPoint', contactPoint],
    ['dcat:theme', iri(dataTheme(theme))],
    ...each(
      'dcat:keyword',
      [...new Set(keywords.filter(Boolean))].map((k) => text(k)),
    ),
    ['dcat:landingPage', iri(cityPage)],
  ];

  const series = input.series.map((s): Resource => {
    const uri = seriesUri(catalog, s.id);
    const download = (format: 'csv' | 'json') =>
      `${base}/v1/public/cities/${encodeURIComponent(city.slug)}/data/${encodeURIComponent(s.code)}?format=${format}`;
    const description = s.description ?? { en: `Indicator ${s.code}, in ${s.unit}.` };
    return {
      id: uri,
      types: ['dcat:Dataset'],
      props: [
        ...each('dct:title', localised(s.name, city)),
        ...each('dct:description', localised(description, city)),
        ['dct:publisher', iri(publisher)],
        ...common(uri, [s.code, s.right, ...s.frameworkRefs], themeOfRight(s.right)),
        ['dct:spatial', citySpatial],
        ...optional('dct:temporal', s.temporal && periodOfTime(s.temporal)),
        ['dct:issued', dateTime(s.issued)],
        ['dct:modified', dateTime(s.modified)],
        ['dct:license', iri(input.licence)],
        ...optional('dct:language', cityLanguage && iri(language(cityLanguage))),
        ...(['csv', 'json'] as const).map((format): Prop => [
          'dcat:distribution',
          distribution({
            uri: `${uri}-${format}`,
            title: `${s.code} (${format.toUpperCase()})`,
            accessUrl: download(format),
            downloadUrl: download(format),
            format: format.toUpperCase(),
            mediaType: format === 'csv' ? 'text/csv' : 'application/json',
            licence: input.licence,
          }),
        ]),
      ],
    };
  });

  const owners = new Map<string, Resource>();
  const datasets = input.datasets.map((d): Resource => {
    const uri = datasetUri(catalog, d.id);
    const owner = `${catalog}#organisation-${d.owner.id}`;
    owners.set(owner, {
      id: owner,
      types: ['foaf:Agent', 'foaf:Organization'],
      props: [['foaf:name', text(d.owner.name ?? city.name)]],
    });
    const licence = spdxLicence(d.licence);
    const spatial = d.spatial?.scheme === 'NUTS' && d.spatial.code ? iri(nutsRegion(d.spatial.code)) : null;
    const spatialName = d.spatial?.label ?? d.spatial?.code;
    const lang = city.locale.split(/[-_]/)[0];
    return {
      id: uri,
      types: ['dcat:Dataset'],
      props: [
        ['dct:title', text(d.title, lang)],
        ['dct:description', text(d.description, lang)],
        ['dct:publisher', iri(owner)],
        ...common(uri, [d.kind, d.sector], themeOfSector(d.sector)),
        ['dct:spatial', spatial ?? (spatialName ? location(spatialName) : citySpatial)],
        ...optional('dct:temporal', d.temporal && periodOfTime(d.temporal)),
        ['dct:issued', dateTime(d.issued)],
        ['dct:modified', dateTime(d.modified)],
        ['dct:license', iri(licence)],
        ['dct:accrualPeriodicity', iri(frequency(d.frequency))],
        ...optional(
          'dcat:distribution',
          d.accessUrl &&
            distribution({
              uri: `${uri}-access`,
              title: d.title,
              accessUrl: d.accessUrl,
              // A file can be downloaded from its address; an API or a page only accessed.
              downloadUrl: d.mediaType ? d.accessUrl : null,
              format: d.format,
              mediaType: d.mediaType,
              licence,
            }),
        ),
      ],
    };
  });

  const last = pageCount(page);
  const pageNode: Resource = {
    id: pageUrl(catalog, page, page.number),
    types: ['hydra:PagedCollection'],
    props: [
      ['hydra:totalItems', typed(String(page.total), 'xsd:integer')],
      ['hydra:itemsPerPage', typed(String(page.size), 'xsd:integer')],
      ['hydra:firstPage', text(pageUrl(catalog, page, 1))],
      ['hydra:lastPage', text(pageUrl(catalog, page, last))],
      ...optional('hydra:nextPage', page.number < last && text(pageUrl(catalog, page, page.number + 1))),
      ...optional(
        'hydra:previousPage',
        page.number > 1 && page.number <= last && text(pageUrl(catalog, page, page.number - 1)),
      ),
    ],
  };

  const catalogNode: Resource = {
    id: catalog,
    types: ['dcat:Catalog'],
    props: [
      ['dct:title', text(`Open data of ${city.name}`, 'en')],
      [
        'dct:description',
        text(
          `Public indicator series and catalogued datasets of ${city.name} on human rights in the city.`,
          'en',
        ),
      ],
      ['dct:publisher', iri(publisher)],
      ['foaf:homepage', iri(cityPage)],
      ['dct:license', iri(input.licence)],
      ['dct:spatial', citySpatial],
      ['dcat:themeTaxonomy', iri(DATA_THEME_SCHEME)],
      ...optional('dct:language', cityLanguage && iri(language(cityLanguage))),
      ...optional('dct:modified', input.modified && dateTime(input.modified)),
      ...each(
        'dcat:dataset',
        [...series, ...datasets].map((d) => iri(d.id as string)),
      ),
    ],
  };
  const publisherNode: Resource = {
    id: publisher,
    types: ['foaf:Agent', 'foaf:Organization'],
    props: [
      ['foaf:name', text(city.name)],
      ['foaf:homepage', iri(cityPage)],
    ],
  };
  return [catalogNode, publisherNode, ...owners.values(), ...series, ...datasets, pageNode];
}
