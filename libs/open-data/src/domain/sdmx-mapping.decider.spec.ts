import { DeciderSpecification } from '@rl/kernel/testing';
import { SdmxMapping } from './sdmx-mapping';
import { sdmxMappingDecider } from './sdmx-mapping.decider';

const indicatorId = '0192f0aa-0000-7000-8000-00000000000a';
const mapping = (dimensions: SdmxMapping['dimensions'] = {}): SdmxMapping => ({
  series: 'SP_HOMELESS',
  refArea: 'BE_GNT',
  unitMeasure: 'NUMBER',
  unitMult: 0,
  dimensions,
});
const sexe = { Sexe: { code: 'SEX', values: { Dona: 'F', Home: 'M' } } };
const set = (m: SdmxMapping) => ({ type: 'SetSdmxMapping', indicatorId, mapping: m }) as const;
const mappingSet = (m: SdmxMapping) =>
  ({ type: 'SdmxMappingSet', data: { indicatorId, mapping: m } }) as const;

describe('sdmxMappingDecider', () => {
  it('records a new mapping, and nothing when it is unchanged', () => {
    DeciderSpecification.for(sdmxMappingDecider)
      .given([])
      .when(set(mapping(sexe)))
      .then([mappingSet(mapping(sexe))]);
    DeciderSpecification.for(sdmxMappingDecider)
      .given([mappingSet(mapping(sexe))])
      .when(set(mapping(sexe)))
      .then([]);
  });

  it('refuses a dimension outside the SDG breakdowns, naming the field', () => {
    DeciderSpecification.for(sdmxMappingDecider)
      .given([])
      .when(set(mapping({ Sexe: { code: 'REF_AREA', values: {} } })))
      .thenThrows('SDMX.INVALID_MAPPING', (e) =>
        expect(e.errors.map((f) => f.field)).toEqual(['dimensions.Sexe.code']),
      );
  });

  it('refuses two local dimensions on one SDG dimension, and a value code SDMX cannot carry', () => {
    DeciderSpecification.for(sdmxMappingDecider)
      .given([])
      .when(
        set(
          mapping({
            Sexe: { code: 'SEX', values: { Dona: 'F,1' } },
            Gender: { code: 'SEX', values: {} },
          }),
        ),
      )
      .thenThrows('SDMX.INVALID_MAPPING', (e) =>
        expect(e.errors.map((f) => f.field)).toEqual([
          'dimensions.Sexe.values.Dona',
          'dimensions.Gender.code',
        ]),
      );
  });

  it('refuses a malformed dimension (the body is not typed below dimensions)', () => {
    DeciderSpecification.for(sdmxMappingDecider)
      .given([])
      .when(
        set(mapping({ Sexe: { code: 'SEX', values: { Dona: 5 } } } as unknown as SdmxMapping['dimensions'])),
      )
      .thenThrows('SDMX.INVALID_MAPPING', (e) =>
        expect(e.errors.map((f) => f.field)).toEqual(['dimensions.Sexe.values']),
      );
  });
});
