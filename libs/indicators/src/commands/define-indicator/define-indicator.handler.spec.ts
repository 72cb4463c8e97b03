import { asCityId } from '@rl/kernel';
import { commandMetadata } from '@rl/web/testing';
import { CityLocale } from '../../city-locale';
import { InMemoryCityLocales, InMemoryGlossaryTerms, InMemoryIndicatorCodes } from '../../testing';
import { DefineIndicatorCommand } from './define-indicator.command';
import { DefineIndicatorDto } from './define-indicator.dto';
import { DefineIndicatorHandler } from './define-indicator.handler';

const ghent = asCityId('0192f0aa-0000-7000-8000-0000000000c1');
const input: DefineIndicatorDto = {
  code: 'ND-P1',
  name: 'Klachten over discriminatie',
  right: 'non-discrimination',
  type: 'process',
  unit: 'count',
  direction: 'neutral',
};

const term = '0192f0aa-0000-7000-8000-0000000000d1';
const unknownTerm = '0192f0aa-0000-7000-8000-0000000000d2';

const setUp = () => {
  const codes = new InMemoryIndicatorCodes();
  const locale = new CityLocale(new InMemoryCityLocales('nl'));
  const handler = new DefineIndicatorHandler(codes, locale, new InMemoryGlossaryTerms().given(ghent, term));
  return { codes, handler };
};
const define = (dto: DefineIndicatorDto, idempotencyKey?: string) =>
  new DefineIndicatorCommand(ghent, dto, commandMetadata({ idempotencyKey }));

describe('DefineIndicatorHandler', () => {
  it('defines a draft with plain texts in the city locale and empty lists by default', async () => {
    const { codes, handler } = setUp();
    const view = await handler.execute(define(input));
    expect(view.version).toBe(1);
    expect(codes.aggregates.eventsOf(ghent, `indicator-${view.id}`)).toEqual([
      {
        type: 'IndicatorDefined',
        data: {
          indicatorId: view.id,
          definition: {
            ...input,
            name: { nl: 'Klachten over discriminatie' },
            disaggregations: [],
            frameworkRefs: [],
          },
        },
      },
    ]);
  });

  it('activates at once when asked', async () => {
    const { codes, handler } = setUp();
    const view = await handler.execute(define({ ...input, status: 'active' }));
    expect(codes.aggregates.eventsOf(ghent, `indicator-${view.id}`).map((e) => e.type)).toEqual([
      'IndicatorDefined',
      'IndicatorActivated',
    ]);
  });

  it('refuses a code another indicator of the city holds, whatever its case', async () => {
    const { handler } = setUp();
    await handler.execute(define(input));
    await expect(handler.execute(define({ ...input, code: ' nd-p1' }))).rejects.toMatchObject({
      code: 'INDICATOR.CODE_TAKEN',
      details: { code: ' nd-p1' },
    });
  });

  it('answers a retry under the same idempotency key with the first indicator', async () => {
    const { handler } = setUp();
    const first = await handler.execute(define(input, 'k1'));
    expect(await handler.execute(define(input, 'k1'))).toEqual(first);
  });

  it('refuses a dimension declared twice', async () => {
    const { handler } = setUp();
    const twice = [
      { dimension: 'sex', values: [] },
      { dimension: 'sex', values: [] },
    ];
    await expect(handler.execute(define({ ...input, disaggregations: twice }))).rejects.toMatchObject({
      code: 'INDICATOR.INVALID_DEFINITION',
    });
  });

  it('links terms of the city', async () => {
    const { codes, handler } = setUp();
    const view = await handler.execute(define({ ...input, terms: [term] }));
    expect(codes.aggregates.eventsOf(ghent, `indicator-${view.id}`)[0]).toMatchObject({
      data: { definition: { terms: [term] } },
    });
  });

  it("refuses a term the city's glossary does not have, naming the field", async () => {
    const { handler } = setUp();
    await expect(handler.execute(define({ ...input, terms: [term, unknownTerm] }))).rejects.toMatchObject({
      code: 'INDICATOR.UNKNOWN_TERM',
      errors: [{ field: 'terms', message: `${unknownTerm} is not a glossary term of this city` }],
      details: { terms: [unknownTerm] },
    });
  });
});
