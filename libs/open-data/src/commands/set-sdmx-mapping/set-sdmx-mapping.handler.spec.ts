import { InMemoryAggregates } from '@rl/event-store/testing';
import { aDefinition, indicatorDefined } from '@rl/indicators/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { sdmxMappingDecider } from '../../domain/sdmx-mapping.decider';
import { sdmxMappingStream } from '../../domain/sdmx-mapping.events';
import { InMemorySdmxObservedData } from '../../testing/in-memory-sdmx-observed';
import { SetSdmxMappingCommand } from './set-sdmx-mapping.command';
import { SetSdmxMappingHandler } from './set-sdmx-mapping.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const indicatorId = '0192f0aa-0000-7000-8000-00000000000a';

const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, `indicator-${indicatorId}`, [
    indicatorDefined(
      indicatorId,
      aDefinition({ disaggregations: [{ dimension: 'Sexe', values: ['Dona', 'Home'] }] }),
    ),
  ]);
  // An older definition's value, still in the validated data.
  const observed = new InMemorySdmxObservedData().given(indicatorId, [
    {},
    { Sexe: 'Altre' },
    { Edat: '0-17' },
  ]);
  return { aggregates, handler: new SetSdmxMappingHandler(aggregates, observed) };
};
const mapping = (values: Record<string, string>) => ({
  series: 'SP_HOMELESS',
  refArea: 'BE_GNT',
  unitMeasure: 'NUMBER',
  dimensions: { Sexe: { code: 'SEX', values } },
});
const command = (values: Record<string, string>, dryRun: boolean, id = indicatorId) =>
  new SetSdmxMappingCommand(ghent, id, mapping(values), dryRun, undefined, commandMetadata());

describe('SetSdmxMappingHandler', () => {
  it('records the mapping, even one the data outgrows (the export then names what is missing)', async () => {
    const { handler } = setUp();
    expect(await handler.execute(command({ Dona: 'F' }, false))).toEqual({
      version: 1,
      position: expect.any(Number),
    });
  });

  it('in a dry run lists declared and found values and dimensions it does not code, recording nothing', async () => {
    const { handler, aggregates } = setUp();
    await expect(handler.execute(command({ Dona: 'F' }, true))).rejects.toMatchObject({
      code: 'SDMX.UNMAPPED',
      errors: [
        { field: 'sdmxMapping', message: 'unmapped Sexe: Altre' },
        { field: 'sdmxMapping', message: 'unmapped Sexe: Home' },
        { field: 'sdmxMapping', message: 'unmapped dimension Edat' },
      ],
    });
    const stream = await aggregates.load(ghent, sdmxMappingDecider, sdmxMappingStream(indicatorId));
    expect(stream.state.mapping).toBeNull();
  });

  it('says not found for an indicator the city never defined', async () => {
    const other = '0192f0aa-0000-7000-8000-00000000000b';
    await expect(setUp().handler.execute(command({}, true, other))).rejects.toMatchObject({
      code: 'INDICATOR.NOT_FOUND',
    });
  });
});
