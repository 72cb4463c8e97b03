// The static words of the public pages in the languages the platform's demo cities write (a city's
// default locale picks one; ?lang= chooses another of them).
export const PAGE_LANGUAGES = ['en', 'nl', 'it'] as const;
export type PageLanguage = (typeof PAGE_LANGUAGES)[number];

export interface Messages {
  languageName: string;
  skipToContent: string;
  siteName: string;
  language: string;
  cityHeading(city: string): string;
  cityIntro: string;
  cityPageOf(city: string): string;
  catalogue: string;
  noIndicators: string;
  annualReports: string;
  readOnline: string;
  right: string;
  latestValue: string;
  trend: string;
  submittedBy: string;
  definitions: string;
  downloads: string;
  notPublished: string;
  noValue: string;
  period: string;
  value: string;
  status: string;
  total: string;
  chart: string;
  valuesCaption(indicator: string): string;
  disaggregations: string;
  disaggregationsCaption(indicator: string): string;
  metadata: string;
  definition: string;
  unit: string;
  direction: string;
  directions: Record<string, string>;
  frameworkCodes: string;
  source: string;
  methodology: string;
  seriesBreaks: string;
  none: string;
  comments: string;
  noComments: string;
  roles: Record<string, string>;
  datasets: string;
  fundedProjects: string;
  expectedContribution: string;
  licence: string;
  dataLicence: string;
  metadataFile: string;
  dictionary: string;
  footer: string;
}

const EN: Messages = {
  languageName: 'English',
  skipToContent: 'Skip to content',
  siteName: 'Rights Ledger',
  language: 'Language',
  cityHeading: (city) => `Human rights indicators of ${city}`,
  cityIntro: 'Validated values the city publishes, grouped by right. Small numbers are not published.',
  cityPageOf: (city) => `All indicators of ${city}`,
  catalogue: 'Open data catalogue (DCAT-AP)',
  noIndicators: 'This city publishes no indicators yet.',
  annualReports: 'Annual reports',
  readOnline: 'read online',
  right: 'Right',
  latestValue: 'Latest value',
  trend: 'Trend',
  submittedBy: 'Submitted by',
  definitions: 'Definitions',
  downloads: 'Downloads',
  notPublished: 'not published (small numbers)',
  noValue: 'no validated value yet',
  period: 'Period',
  value: 'Value',
  status: 'Status',
  total: 'Total',
  chart: 'Chart',
  valuesCaption: (indicator) => `Values of ${indicator} by period`,
  disaggregations: 'Disaggregations',
  disaggregationsCaption: (indicator) => `${indicator} by period and group`,
  metadata: 'About this indicator',
  definition: 'Definition',
  unit: 'Unit',
  direction: 'Direction',
  directions: {
    higher_is_better: 'higher is better',
    lower_is_better: 'lower is better',
    neutral: 'neutral',
  },
  frameworkCodes: 'Framework codes',
  source: 'Source',
  methodology: 'Methodology',
  seriesBreaks: 'Series breaks',
  none: 'none',
  comments: 'Public comments',
  noComments: 'No public comments.',
  roles: {
    coordinator: 'coordinator',
    official: 'city official',
    collector: 'data collector',
    researcher: 'researcher',
    auditor: 'auditor',
  },
  datasets: 'Datasets',
  fundedProjects: 'Funded projects',
  expectedContribution: 'Expected contribution',
  licence: 'Licence',
  dataLicence: 'Data licence',
  metadataFile: 'metadata',
  dictionary: 'data dictionary',
  footer: 'Published with Rights Ledger. Every figure is traceable to the city’s log.',
};

const NL: Messages = {
  languageName: 'Nederlands',
  skipToContent: 'Naar de inhoud',
  siteName: 'Rights Ledger',
  language: 'Taal',
  cityHeading: (city) => `Mensenrechtenindicatoren van ${city}`,
  cityIntro:
    'Gevalideerde waarden die de stad publiceert, per recht. Kleine aantallen worden niet gepubliceerd.',
  cityPageOf: (city) => `Alle indicatoren van ${city}`,
  catalogue: 'Open-datacatalogus (DCAT-AP)',
  noIndicators: 'Deze stad publiceert nog geen indicatoren.',
  annualReports: 'Jaarverslagen',
  readOnline: 'online lezen',
  right: 'Recht',
  latestValue: 'Laatste waarde',
  trend: 'Verloop',
  submittedBy: 'Aangeleverd door',
  definitions: 'Definities',
  downloads: 'Downloads',
  notPublished: 'niet gepubliceerd (kleine aantallen)',
  noValue: 'nog geen gevalideerde waarde',
  period: 'Periode',
  value: 'Waarde',
  status: 'Status',
  total: 'Totaal',
  chart: 'Grafiek',
  valuesCaption: (indicator) => `Waarden van ${indicator} per periode`,
  disaggregations: 'Uitsplitsingen',
  disaggregationsCaption: (indicator) => `${indicator} per periode en groep`,
  metadata: 'Over deze indicator',
  definition: 'Definitie',
  unit: 'Eenheid',
  direction: 'Richting',
  directions: { higher_is_better: 'hoger is beter', lower_is_better: 'lager is beter', neutral: 'neutraal' },
  frameworkCodes: 'Codes in kaders',
  source: 'Bron',
  methodology: 'Methode',
  seriesBreaks: 'Breuken in de reeks',
  none: 'geen',
  comments: 'Publieke opmerkingen',
  noComments: 'Geen publieke opmerkingen.',
  roles: {
    coordinator: 'coördinator',
    official: 'stadsmedewerker',
    collector: 'gegevensverzamelaar',
    researcher: 'onderzoeker',
    auditor: 'auditor',
  },
  datasets: 'Datasets',
  fundedProjects: 'Gefinancierde projecten',
  expectedContribution: 'Verwachte bijdrage',
  licence: 'Licentie',
  dataLicence: 'Licentie van de gegevens',
  metadataFile: 'metadata',
  dictionary: 'gegevenswoordenboek',
  footer: 'Gepubliceerd met Rights Ledger. Elk cijfer is herleidbaar tot het logboek van de stad.',
};

const IT: Messages = {
  languageName: 'Italiano',
  skipToContent: 'Vai al contenuto',
  siteName: 'Rights Ledger',
  language: 'Lingua',
  cityHeading: (city) => `Indicatori dei diritti umani di ${city}`,
  cityIntro: 'Valori validati pubblicati dal comune, per diritto. I piccoli numeri non sono pubblicati.',
  cityPageOf: (city) => `Tutti gli indicatori di ${city}`,
  catalogue: 'Catalogo dei dati aperti (DCAT-AP)',
  noIndicators: 'Questo comune non pubblica ancora indicatori.',
  annualReports: 'Relazioni annuali',
  readOnline: 'leggi online',
  right: 'Diritto',
  latestValue: 'Ultimo valore',
  trend: 'Andamento',
  submittedBy: 'Fornito da',
  definitions: 'Definizioni',
  downloads: 'Download',
  notPublished: 'non pubblicato (piccoli numeri)',
  noValue: 'ancora nessun valore validato',
  period: 'Periodo',
  value: 'Valore',
  status: 'Stato',
  total: 'Totale',
  chart: 'Grafico',
  valuesCaption: (indicator) => `Valori di ${indicator} per periodo`,
  disaggregations: 'Disaggregazioni',
  disaggregationsCaption: (indicator) => `${indicator} per periodo e gruppo`,
  metadata: 'Informazioni sull’indicatore',
  definition: 'Definizione',
  unit: 'Unità',
  direction: 'Direzione',
  directions: {
    higher_is_better: 'più alto è meglio',
    lower_is_better: 'più basso è meglio',
    neutral: 'neutro',
  },
  frameworkCodes: 'Codici dei quadri',
  source: 'Fonte',
  methodology: 'Metodologia',
  seriesBreaks: 'Interruzioni della serie',
  none: 'nessuna',
  comments: 'Commenti pubblici',
  noComments: 'Nessun commento pubblico.',
  roles: {
    coordinator: 'coordinatore',
    official: 'funzionario comunale',
    collector: 'raccoglitore di dati',
    researcher: 'ricercatore',
    auditor: 'revisore',
  },
  datasets: 'Dataset',
  fundedProjects: 'Progetti finanziati',
  expectedContribution: 'Contributo atteso',
  licence: 'Licenza',
  dataLicence: 'Licenza dei dati',
  metadataFile: 'metadati',
  dictionary: 'dizionario dei dati',
  footer: 'Pubblicato con Rights Ledger. Ogni cifra è riconducibile al registro del comune.',
};

export const MESSAGES: Record<PageLanguage, Messages> = { en: EN, nl: NL, it: IT };

const languageOf = (tag: string) => tag.toLowerCase().split('-')[0];
const isPageLanguage = (language: string): language is PageLanguage =>
  (PAGE_LANGUAGES as readonly string[]).includes(language);

// The page's language (the asked one, else the city's, else English) and the locale its numbers and
// dates are written in: the city's own locale where it is in that language (nl-BE rather than nl).
export function pageLocale(
  cityLocale: string,
  asked?: PageLanguage,
): { language: PageLanguage; locale: string } {
  const cityLanguage = languageOf(cityLocale);
  const language = asked ?? (isPageLanguage(cityLanguage) ? cityLanguage : 'en');
  return { language, locale: cityLanguage === language ? cityLocale : language };
}

// A text kept in several languages (indicator names, glossary definitions): the page's language if it
// has one, else the first other, tagged so a screen reader pronounces it right.
export function pickLanguage(
  texts: Record<string, string> | null | undefined,
  language: PageLanguage,
): { text: string; lang: string } | null {
  if (!texts) return null;
  const own = Object.keys(texts).find((tag) => languageOf(tag) === language && texts[tag]);
  const tag =
    own ??
    Object.keys(texts)
      .sort()
      .find((t) => texts[t]);
  return tag === undefined ? null : { text: texts[tag], lang: tag };
}
