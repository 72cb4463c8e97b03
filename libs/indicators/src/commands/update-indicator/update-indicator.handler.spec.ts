import { InMemoryAggregates } from '@rl/event-store/testing';
import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { indicatorDefined, InMemoryCityLocales, InMemoryGlossaryTerms } from '../../testing';
import { UpdateIndicatorCommand } from './update-indicator.command';
import { UpdateIndicatorDto } from './update-indicator.dto';
import { UpdateIndicatorHandler } from './update-indicator.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const indicatorId = '0192f0aa-0000-7000-8000-00000000000a';
const stream = `indicator-${indicatorId}`;
const term = '0192f0aa-0000-7000-8000-0000000000d1';
const padua = asCityId('0192f0aa-0000-7000-8000-0000000000c2');
const paduaTerm = '0192f0aa-0000-7000-8000-0000000000d2';
const glossary = () => new InMemoryGlossaryTerms().given(ghent, term).given(padua, paduaTerm);
const setUp = () => {
  const aggregates = new InMemoryAggregates().given(ghent, stream, [indicatorDefined(indicatorId)]);
  const handler = new UpdateIndicatorHandler(aggregates, new InMemoryCityLocales('nl'), glossary());
  return { aggregates, handler };
};
const update = (expectedVersion: number, changes: UpdateIndicatorDto) =>
  new UpdateIndicatorCommand(ghent, indicatorId, expectedVersion, changes, commandMetadata());

describe('UpdateIndicatorHandler', () => {
  it('changes the default-locale name of a plain string and keeps the translations', async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(update(1, { name: 'Meldingen' }))).toEqual({ version: 2, position: 2 });
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'IndicatorRedefined',
      data: {
        indicatorId,
        changes: {
          name: {
            before: { nl: 'Klachten', en: 'Complaints' },
            after: { nl: 'Meldingen', en: 'Complaints' },
          },
        },
        seriesBreak: false,
        series: 1,
      },
    });
  });

  it('activates', async () => {
    const { aggregates, handler } = setUp();
    await handler.execute(update(1, { status: 'active' }));
    expect(aggregates.eventsOf(ghent, stream)[1]).toEqual({
      type: 'IndicatorActivated',
      data: { indicatorId },
    });
  });

  it('refuses a stale If-Match with the current version', async () => {
    const { handler } = setUp();
    await expect(handler.execute(update(4, { unit: 'percent' }))).rejects.toMatchObject({
      code: 'INDICATOR.VERSION_CONFLICT',
      details: { currentVersion: 1 },
    });
  });

  it('refuses a request that changes nothing, and a new code', async () => {
    const { handler } = setUp();
    await expect(handler.execute(update(1, {}))).rejects.toMatchObject({
      code: 'INDICATOR.NOTHING_TO_CHANGE',
    });
    await expect(handler.execute(update(1, { code: 'ND-P2' }))).rejects.toMatchObject({
      code: 'INDICATOR.CODE_IMMUTABLE',
    });
  });

  it('records nothing and answers the current version when nothing changes', async () => {
    const { aggregates, handler } = setUp();
    expect(await handler.execute(update(1, { unit: 'count' }))).toEqual({ version: 1, position: 1 });
    expect(aggregates.eventsOf(ghent, stream)).toHaveLength(1);
  });

  it('says not found for an indicator never defined', async () => {
    const handler = new UpdateIndicatorHandler(
      new InMemoryAggregates(),
      new InMemoryCityLocales(),
      glossary(),
    );
    await expect(handler.execute(update(0, { unit: 'x' }))).rejects.toMatchObject({
      code: 'INDICATOR.NOT_FOUND',
    });
  });

  it('links a term of the city', async () => {
    const { aggregates, handler } = setUp();
    await handler.execute(update(1, { terms: [term] }));
    expect(aggregates.eventsOf(ghent, stream)[1]).toMatchObject({
      type: 'IndicatorRedefined',
      data: { changes: { terms: { before: null, after: [term] } } },
    });
  });

  it("refuses a term the city's glossary does not have, naming the field", async () => {
    const { aggregates, handler } = setUp();
    await expect(handler.execute(update(1, { terms: [term, paduaTerm] }))).rejects.toMatchObject({
      code: 'INDICATOR.UNKNOWN_TERM',
      errors: [{ field: 'terms', message: `${paduaTerm} is not a glossary term of this city` }],
      details: { terms: [paduaTerm] },
    });
    expect(aggregates.eventsOf(ghent, stream)).toHaveLength(1);
  });
});
