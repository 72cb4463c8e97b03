export const INDICATOR_TYPES = ['structural', 'process', 'outcome'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

export const INDICATOR_DIRECTIONS = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

export const FRAMEWORKS = ['SDG', 'FRA', 'OHCHR', 'other'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const INDICATOR_STATUSES = ['draft', 'active', 'retired'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

// Text per locale, e.g. { nl: 'Klachten…', en: 'Complaints…' }.
export type LocalisedText = Record<string, string>;

// A dimension with no values is open: any value is accepted for it.
export interface Disaggregation {
  dimension: string;
  values: string[];
}

export interface FrameworkRef {
  framework: Framework;
  code: string;
}

export interface Benchmark {
  value: number;
  year: number;
}

export interface IndicatorDefinition {
  code: string;
  name: LocalisedText;
  description?: LocalisedText;
  right: string;
  ohchrAttribute?: string;
  type: IndicatorType;
  unit: string;
  direction: IndicatorDirection;
  disaggregations: Disaggregation[];
  frameworkRefs: FrameworkRef[];
  methodology?: string;
  source?: string;
  baseline?: Benchmark;
  target?: Benchmark;
  // Ids of glossary terms of the city that say what the indicator's words mean.
  terms?: string[];
}

export type DefinitionField = keyof IndicatorDefinition;

// Fields of the definition that PATCH may change (the code is the indicator's stable identity).
export const REDEFINABLE_FIELDS = [
  'name',
  'description',
  'right',
  'ohchrAttribute',
  'type',
  'unit',
  'direction',
  'disaggregations',
  'frameworkRefs',
  'methodology',
  'source',
  'baseline',
  'target',
  'terms',
] as const satisfies readonly DefinitionField[];
export type RedefinableField = (typeof REDEFINABLE_FIELDS)[number];

// `null` as a value means "absent" (an optional field cleared or not yet set).
export type FieldChange<K extends RedefinableField = RedefinableField> = {
  before: IndicatorDefinition[K] | null;
  after: IndicatorDefinition[K] | null;
};
export type DefinitionChanges = { [K in RedefinableField]?: FieldChange<K> };

export type IndicatorEvent =
  | { type: 'IndicatorDefined'; data: { indicatorId: string; definition: IndicatorDefinition } }
  | {
      type: 'IndicatorRedefined';
      data: {
        indicatorId: string;
        changes: DefinitionChanges;
        // A new unit or methodology on an active indicator starts a new series: values of different
        // series are not to be compared or mixed.
        seriesBreak: boolean;
        series: number;
      };
    }
  | { type: 'IndicatorActivated'; data: { indicatorId: string } }
  | { type: 'IndicatorRetired'; data: { indicatorId: string } };

export type IndicatorEventType = IndicatorEvent['type'];

export const INDICATOR_EVENT_TYPES: readonly IndicatorEventType[] = [
  'IndicatorDefined',
  'IndicatorRedefined',
  'IndicatorActivated',
  'IndicatorRetired',
];

export const indicatorStream = (indicatorId: string) => `indicator-${indicatorId}`;
