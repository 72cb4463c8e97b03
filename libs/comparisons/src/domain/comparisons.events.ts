export type ComparisonsEvent =
  // Whether an indicator's validated values leave the city: to the other cities (comparable) and/or to
  // everyone (public).
  | { type: 'PublicationChanged'; data: { indicatorId: string; comparable: boolean; public: boolean } }
  // Inhabitants for a year (and per district when known): the denominator of per-capita comparisons.
  | {
      type: 'ReferencePopulationSet';
      data: { year: number; total: number; districts: Record<string, number> | null; source: string | null };
    };

export const publicationStream = (indicatorId: string) => `publication-${indicatorId}`;
export const populationStream = (cityId: string) => `population-${cityId}`;
