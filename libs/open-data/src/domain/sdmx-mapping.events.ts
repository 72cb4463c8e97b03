import { SdmxMapping } from './sdmx-mapping';

// An indicator's SDMX mapping, replacing the previous one whole; SDMX-CSV exports use the latest.
export type SdmxMappingEvent = {
  type: 'SdmxMappingSet';
  data: { indicatorId: string; mapping: SdmxMapping };
};

export const SDMX_MAPPING_EVENT_TYPES: readonly SdmxMappingEvent['type'][] = ['SdmxMappingSet'];

export const sdmxMappingStream = (indicatorId: string) => `sdmx-mapping-${indicatorId}`;
