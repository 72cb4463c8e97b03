import { CommandBus } from '@nestjs/cqrs';
import { AssessDatasetCommand, CatalogueDatasetCommand, DatasetFormat, UpdateFrequency } from '@rl/datasets';
import { DemoCatalogue } from './demo-catalogue';
import { DemoValuesCity } from './demo-values';

type Owner = keyof DemoCatalogue['organisations'];
type Scores = [number, number, number, number, number];

// One entry of the demo catalogue: who holds it, what it feeds, and how it was judged (scores for
// relevance, accuracy, timeliness, accessibility, comparability).
interface DemoEntry {
  key: string;
  owner: Owner;
  kind?: 'collection-tool';
  title: Record<string, string>;
  description: string;
  licence: string;
  updateFrequency: UpdateFrequency;
  format: DatasetFormat;
  personalData: boolean;
  public: boolean;
  indicators: string[];
  from: string;
  scores: Scores;
  verdict: 'adapt' | 'replace';
  summary: string;
}

const ILLUSTRATIVE = 'Illustrative demo entry — not a real dataset of the city.';

const ENTRIES: DemoEntry[] = [
  {
    key: 'waiting-list',
    owner: 'local_authority',
    title: { ghent: 'Wachtlijst sociale huisvesting', padua: 'Graduatoria alloggi ERP' },
    description: 'Applications for social housing and their waiting time, by household type.',
    licence: 'CC-BY-4.0',
    updateFrequency: 'monthly',
    format: 'CSV',
    personalData: true,
    public: false,
    indicators: ['HO-P1', 'HO-P2'],
    from: '2015-01-01',
    scores: [5, 4, 4, 2, 3],
    verdict: 'adapt',
    summary: 'Publish an aggregated extract without personal data.',
  },
  {
    key: 'homeless-count',
    owner: 'local_authority',
    title: { ghent: 'Telling dak- en thuisloosheid', padua: 'Censimento persone senza dimora' },
    description: 'Point-in-time count of people sleeping rough or in emergency shelter.',
    licence: 'CC0-1.0',
    updateFrequency: 'biennial',
    format: 'XLSX',
    personalData: false,
    public: true,
    indicators: ['HO-O1'],
    from: '2020-01-01',
    scores: [5, 3, 3, 4, 4],
    verdict: 'adapt',
    summary: 'Align the categories with the European ETHOS typology.',
  },
  {
    key: 'discrimination-survey',
    owner: 'academic',
    title: {
      ghent: 'Enquête discriminatie-ervaringen',
      padua: 'Indagine sulle esperienze di discriminazione',
    },
    description: 'Survey of residents on discrimination experienced in the last 12 months.',
    licence: 'CC-BY-NC-4.0',
    updateFrequency: 'irregular',
    format: 'CSV',
    personalData: false,
    public: true,
    indicators: ['ND-O1'],
    from: '2021-01-01',
    scores: [5, 4, 2, 3, 5],
    verdict: 'adapt',
    summary: 'Repeat it every two years with the same questions.',
  },
  {
    key: 'support-register',
    owner: 'cso',
    title: { ghent: 'Register onthaal en begeleiding', padua: 'Registro accoglienza e ascolto' },
    description:
      'Register of people helped by the organisation, with the grounds of discrimination they report.',
    licence: 'CC-BY-SA-4.0',
    updateFrequency: 'weekly',
    format: 'XLSX',
    personalData: true,
    public: false,
    indicators: ['ND-P1'],
    from: '2018-01-01',
    scores: [4, 3, 5, 2, 2],
    verdict: 'adapt',
    summary: 'Code the grounds as the equality body does.',
  },
  {
    key: 'intake-form',
    owner: 'cso',
    kind: 'collection-tool',
    title: { ghent: 'Papieren meldingsformulier discriminatie', padua: 'Modulo cartaceo di segnalazione' },
    description: 'Paper form on which volunteers note reports of discrimination at the desk.',
    licence: 'CC-BY-4.0',
    updateFrequency: 'irregular',
    format: 'PAPER',
    personalData: true,
    public: false,
    indicators: ['ND-P1'],
    from: '2018-01-01',
    scores: [4, 2, 2, 1, 1],
    verdict: 'replace',
    summary: 'Replace it by the XLSForm of the reporting assignment, which codes grounds the same way.',
  },
];

const SPATIAL: Record<string, { label: string; code: string }> = {
  ghent: { label: 'Gent', code: 'BE234' },
  padua: { label: 'Padova', code: 'ITH36' },
};

const checklist = ([relevance, accuracy, timeliness, accessibility, comparability]: Scores) => ({
  relevance: { score: relevance },
  accuracy: { score: accuracy },
  timeliness: { score: timeliness },
  accessibility: { score: accessibility },
  comparability: { score: comparability },
});

// The city's catalogue of existing datasets: two of its own services, one of the university, one of the
// CSO and the CSO's paper intake form (a collection tool), each with a first assessment by whoever
// catalogued it and a second by the researcher (the form's: replace). Illustrative, and labelled so in
// every title and description. Every command carries an idempotency key: a second start records nothing.
export async function seedDemoDatasets(
  commands: CommandBus,
  city: DemoValuesCity & Pick<DemoCatalogue, 'organisations' | 'indicators'>,
): Promise<void> {
  const cataloguer: Record<Owner, { actorId: string; actorRole: string; organisationId?: string }> = {
    local_authority: { actorId: city.officialId, actorRole: 'official' },
    academic: { actorId: city.coordinatorId, actorRole: 'coordinator' },
    cso: { actorId: city.collectorId, actorRole: 'collector', organisationId: city.organisations.cso },
  };
  for (const entry of ENTRIES) {
    const created = await commands.execute(
      new CatalogueDatasetCommand(
        city.id,
        {
          ...(entry.kind && { kind: entry.kind }),
          title: `${entry.title[city.slug]} (illustrative)`,
          description: `${entry.description} ${ILLUSTRATIVE}`,
          owner: city.organisations[entry.owner],
          licence: entry.licence,
          updateFrequency: entry.updateFrequency,
          format: entry.format,
          personalData: entry.personalData,
          public: entry.public,
          temporalCoverage: { from: entry.from },
          spatialCoverage: { ...SPATIAL[city.slug], scheme: 'NUTS' },
          indicators: entry.indicators.flatMap((code) => city.indicators.get(code)?.id ?? []),
          qualityAssessment: {
            checklist: checklist(entry.scores.map((s) => Math.min(5, s + 1)) as Scores),
            verdict: 'adapt',
          },
        },
        { ...cataloguer[entry.owner], idempotencyKey: `demo:datasets:${entry.key}` },
      ),
    );
    await commands.execute(
      new AssessDatasetCommand(
        city.id,
        created.id,
        {
          checklist: checklist(entry.scores),
          verdict: entry.verdict,
          summary: `${entry.summary} (illustrative)`,
        },
        {
          actorId: city.researcherId,
          actorRole: 'researcher',
          idempotencyKey: `demo:datasets:${entry.key}:assessment`,
        },
      ),
    );
  }
}
