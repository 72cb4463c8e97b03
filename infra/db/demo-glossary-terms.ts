// The demo glossaries: monitoring vocabulary in the city's language and English. Illustrative wording
// written for the demo, not adopted definitions of either city.
export interface DemoTerm {
  key: string;
  // [city's language, English]
  label: [string, string];
  definition: [string, string];
  broader?: string;
  // Left as a proposal (not adopted); every other term is adopted.
  proposedOnly?: boolean;
  // Adopted, then deprecated in favour of the term with this key.
  replacedBy?: string;
}

export const DEMO_GLOSSARY_LANGUAGES: Record<string, [string, string]> = {
  ghent: ['nl', 'en'],
  padua: ['it', 'en'],
};

export const DEMO_TERMS: Record<string, DemoTerm[]> = {
  ghent: [
    {
      key: 'human-rights',
      label: ['Mensenrechten', 'Human rights'],
      definition: [
        'Rechten die ieder mens heeft, door de stad te respecteren, te beschermen en te vervullen.',
        'Rights every person holds, which the city must respect, protect and fulfil.',
      ],
    },
    {
      key: 'monitoring',
      label: ['Monitoring', 'Monitoring'],
      definition: [
        'Het geregeld en systematisch opvolgen van hoe rechten in de stad worden gerealiseerd.',
        'Regular, systematic follow-up of how rights are realised in the city.',
      ],
    },
    {
      key: 'indicator',
      label: ['Indicator', 'Indicator'],
      definition: [
        'Een meetbare grootheid die iets zegt over het realiseren van een recht.',
        'A measurable quantity that tells something about the realisation of a right.',
      ],
      broader: 'monitoring',
    },
    {
      key: 'baseline',
      label: ['Nulmeting', 'Baseline'],
      definition: [
        'De waarde van een indicator bij de start, waartegen veranderingen worden afgezet.',
        'The value of an indicator at the start, against which change is measured.',
      ],
      broader: 'indicator',
    },
    {
      key: 'disaggregation',
      label: ['Uitsplitsing', 'Disaggregation'],
      definition: [
        'Het opdelen van een indicator naar kenmerken zoals geslacht, leeftijd of wijk.',
        'Splitting an indicator by characteristics such as sex, age or district.',
      ],
      broader: 'indicator',
    },
    {
      key: 'policy',
      label: ['Beleid', 'Policy'],
      definition: [
        'Het geheel van beslissingen en plannen van de stad over een domein.',
        "The whole of the city's decisions and plans on a domain.",
      ],
    },
    {
      key: 'service',
      label: ['Dienstverlening', 'Service'],
      definition: [
        'Wat de stad of haar partners aan inwoners aanbieden om een recht te realiseren.',
        'What the city or its partners offer residents to realise a right.',
      ],
    },
    {
      key: 'participation',
      label: ['Participatie', 'Participation'],
      definition: [
        'Het deelnemen van inwoners aan publieke beslissingen.',
        'Residents taking part in public decisions.',
      ],
    },
    {
      key: 'cso',
      label: ['Middenveldorganisatie', 'Civil-society organisation'],
      definition: [
        'Een organisatie van burgers, onafhankelijk van de overheid en zonder winstoogmerk.',
        'An organisation of citizens, independent of government and not for profit.',
      ],
    },
    {
      key: 'ngo',
      label: ['Ngo', 'NGO'],
      definition: ['Een niet-gouvernementele organisatie.', 'A non-governmental organisation.'],
      replacedBy: 'cso',
    },
    {
      key: 'vulnerable-group',
      label: ['Kwetsbare groep', 'Vulnerable group'],
      definition: [
        'Een groep die meer risico loopt dat haar rechten niet worden gerealiseerd.',
        'A group more at risk of its rights not being realised.',
      ],
      proposedOnly: true,
    },
  ],
  padua: [
    {
      key: 'human-rights',
      label: ['Diritti umani', 'Human rights'],
      definition: [
        'Diritti di ogni persona che il Comune deve rispettare, proteggere e realizzare.',
        'Rights of every person that the municipality must respect, protect and fulfil.',
      ],
    },
    {
      key: 'monitoring',
      label: ['Monitoraggio', 'Monitoring'],
      definition: [
        'Osservazione regolare e sistematica di come i diritti sono realizzati in città.',
        'Regular, systematic observation of how rights are realised in the city.',
      ],
    },
    {
      key: 'indicator',
      label: ['Indicatore', 'Indicator'],
      definition: [
        'Una grandezza misurabile che informa sulla realizzazione di un diritto.',
        'A measurable quantity that informs on the realisation of a right.',
      ],
      broader: 'monitoring',
    },
    {
      key: 'baseline',
      label: ['Valore di riferimento', 'Baseline'],
      definition: [
        'Il valore iniziale di un indicatore, rispetto al quale si misura il cambiamento.',
        'The initial value of an indicator, against which change is measured.',
      ],
      broader: 'indicator',
    },
    {
      key: 'disaggregation',
      label: ['Disaggregazione', 'Disaggregation'],
      definition: [
        'La suddivisione di un indicatore per sesso, età, quartiere o altre caratteristiche.',
        'Splitting an indicator by sex, age, district or other characteristics.',
      ],
      broader: 'indicator',
    },
    {
      key: 'policy',
      label: ['Politica pubblica', 'Policy'],
      definition: [
        'Insieme di decisioni e piani del Comune in un settore.',
        "The municipality's decisions and plans in a sector.",
      ],
    },
    {
      key: 'service',
      label: ['Servizio', 'Service'],
      definition: [
        'Ciò che il Comune o i suoi partner offrono ai residenti per realizzare un diritto.',
        'What the municipality or its partners offer residents to realise a right.',
      ],
    },
    {
      key: 'participation',
      label: ['Partecipazione', 'Participation'],
      definition: [
        'Il prendere parte dei residenti alle decisioni pubbliche.',
        'Residents taking part in public decisions.',
      ],
    },
    {
      key: 'cso',
      label: ['Organizzazione della società civile', 'Civil-society organisation'],
      definition: [
        'Organizzazione di cittadini, indipendente dal governo e senza scopo di lucro.',
        'An organisation of citizens, independent of government and not for profit.',
      ],
    },
    {
      key: 'ngo',
      label: ['ONG', 'NGO'],
      definition: ['Organizzazione non governativa.', 'A non-governmental organisation.'],
      replacedBy: 'cso',
    },
    {
      key: 'vulnerable-group',
      label: ['Gruppo vulnerabile', 'Vulnerable group'],
      definition: [
        'Un gruppo più esposto al rischio che i suoi diritti non siano realizzati.',
        'A group more at risk of its rights not being realised.',
      ],
      proposedOnly: true,
    },
  ],
};

// The revision under discussion (an open proposal on "participation", with comments and stances).
export const DEMO_REVISION: Record<
  string,
  { definition: [string, string]; rationale: string; comments: [string, string] }
> = {
  ghent: {
    definition: [
      'Inwoners hebben een werkelijke stem in publieke beslissingen die hen raken.',
      'Residents having a real say in the public decisions that affect them.',
    ],
    rationale: 'The working session found "taking part" too weak: attending is not having a say.',
    comments: [
      'Closer to how OHCHR describes participation in public affairs. (Demo comment.)',
      'Does "affect them" leave out city-wide decisions? (Demo comment.)',
    ],
  },
  padua: {
    definition: [
      'I residenti hanno una voce reale nelle decisioni pubbliche che li riguardano.',
      'Residents having a real say in the public decisions that concern them.',
    ],
    rationale: 'Il gruppo di lavoro chiede una definizione più forte di "prendere parte".',
    comments: [
      'Più vicina alla formulazione OHCHR. (Commento dimostrativo.)',
      'Vale anche per le decisioni su tutta la città? (Commento dimostrativo.)',
    ],
  },
};

// Cross-city matches, Ghent's term key → Padua's.
export const DEMO_MATCHES: { ghent: string; padua: string; kind: 'exactMatch' | 'closeMatch' }[] = [
  { ghent: 'human-rights', padua: 'human-rights', kind: 'exactMatch' },
  { ghent: 'indicator', padua: 'indicator', kind: 'exactMatch' },
  { ghent: 'disaggregation', padua: 'disaggregation', kind: 'exactMatch' },
  { ghent: 'monitoring', padua: 'monitoring', kind: 'closeMatch' },
  { ghent: 'participation', padua: 'participation', kind: 'closeMatch' },
  { ghent: 'policy', padua: 'policy', kind: 'closeMatch' },
];
