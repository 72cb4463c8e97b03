// How an indicator's local disaggregations become codes of the SDG data structure definition (SDMX):
// e.g. the local dimension Sexe with value Dona becomes SEX=F. Set per indicator by its coordinator.
export interface SdmxDimensionMapping {
  code: string;
  values: Record<string, string>;
}

export interface SdmxMapping {
  series: string;
  refArea: string;
  unitMeasure: string;
  unitMult?: number;
  dimensions: Record<string, SdmxDimensionMapping>;
}

// The SDG DSD (IAEG-SDGs, version 1.x) dimensions in their DSD order, TIME_PERIOD last.
export const SDG_DIMENSIONS = [
  'FREQ',
  'REPORTING_TYPE',
  'SERIES',
  'REF_AREA',
  'SEX',
  'AGE',
  'URBANISATION',
  'INCOME_WEALTH_QUANTILE',
  'EDUCATION_LEV',
  'OCCUPATION',
  'CUST_BREAKDOWN',
  'COMPOSITE_BREAKDOWN',
  'DISABILITY_STATUS',
  'ACTIVITY',
  'PRODUCT',
  'TIME_PERIOD',
] as const;

// The dimensions a local disaggregation may map to; the others come from the mapping or the period.
export const BREAKDOWN_DIMENSIONS: readonly string[] = SDG_DIMENSIONS.slice(4, -1);

// Bounds of a mapping (the DTO reads the same numbers).
export const SDMX_CODE_MAX = 50;
export const SDMX_LABEL_MAX = 200;
export const SDMX_DIMENSIONS_MAX = 20;
export const SDMX_VALUES_MAX = 500;
export const SDMX_CODE_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_@$.-]{0,49}$/;

// What a mapping leaves out of a series: each local dimension with no SDMX dimension, and each value
// found in the data with no code. An export with any of them would be wrong, so it is refused.
export function unmappedOf(
  mapping: SdmxMapping | null,
  dimensions: readonly string[],
  observations: readonly { disaggregation: Record<string, string> }[],
): string[] {
  const problems: string[] = [];
  if (!mapping) return ['no SDMX mapping is set for this indicator'];
  for (const d of dimensions) {
    const dim = Object.hasOwn(mapping.dimensions, d) ? mapping.dimensions[d] : undefined;
    if (!dim) {
      problems.push(`dimension ${d}`);
      continue;
    }
    const values = new Set(observations.map((o) => o.disaggregation[d]).filter((v) => v !== undefined));
    for (const v of [...values].sort()) if (!Object.hasOwn(dim.values, v)) problems.push(`${d}: ${v}`);
  }
  return problems;
}
