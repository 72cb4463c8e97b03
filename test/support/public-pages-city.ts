import { randomUUID } from 'node:crypto';
import { ApiHarness, Session, TestCity, uniqueSuffix } from './api-harness';
import { cityWithPeople, CityWithPeople } from './city-with-people';
import { cityClient } from './city-client';
import { fixtures } from './fixtures';

// Names a page must show as text, never as markup.
export const HOSTILE = {
  city: 'Ghent <script>alert(1)</script>',
  indicator: 'Evictions <img src=x onerror=alert(1)> & "onload="x',
  organisation: 'Shelter "onload="alert(2)" <b>',
  comment: "Figures rose after the desk opened <script>alert('c')</script>",
};
export const INTERNAL_COMMENT = 'INTERNAL-ONLY: do not publish this note';
export const SECRET_NAME = 'Unpublished indicator never shown';
export const TERM = { label: 'Uithuiszetting', definition: 'Gedwongen verlaten van een woning.' };
export const DATASET = 'Vonnissen tot uithuiszetting';
// The 2024 breakdown: women's 3 is below the count rule (5), so men's 4321 goes too (secondary).
export const SUPPRESSED_VALUES = ['4321', '4.321', '4,321'];

export interface PublicPagesCity {
  ghent: CityWithPeople;
  padua: TestCity;
  indicator: { id: string; code: string };
  hidden: { id: string; code: string };
}

// Ghent (nl) with a public count indicator broken down by sex, one unpublished indicator, a public and
// an internal comment; Padua (it) publishing nothing. Pages follow projections: wait for them.
export async function publicPagesCity(api: ApiHarness, operator: Session): Promise<PublicPagesCity> {
  const ghent = await cityWithPeople(api, operator, HOSTILE.city, { name: HOSTILE.organisation });
  const slug = `padua-${uniqueSuffix()}`;
  const created = await api.http
    .post('/v1/platform/cities')
    .auth(operator.accessToken, { type: 'bearer' })
    .send({ slug, name: 'Padova', countryCode: 'IT', defaultLocale: 'it', timezone: 'Europe/Rome' })
    .expect(201);
  const padua = { id: created.body.id as string, slug };
  await api.member(operator, padua, 'coordinator');

  const coordinator = ghent.as(ghent.coordinator);
  const reviewer = ghent.as(await api.member(operator, ghent.city, 'official'));
  // An adopted term of the city's published glossary, which the public indicator links.
  const term = await coordinator
    .post('glossary/terms')
    .send({
      prefLabel: { en: 'Eviction', nl: TERM.label },
      definition: { en: 'Being made to leave a home.', nl: TERM.definition },
    })
    .expect(201);
  await coordinator
    .post(`glossary/terms/${term.body.id}/adopt`)
    .set('If-Match', String(term.body.version))
    .send({ note: 'Agreed' })
    .expect(200);
  await coordinator.put('glossary/publication').send({ public: true }).expect(200);
  const [indicator, hidden] = await Promise.all(
    [HOSTILE.indicator, SECRET_NAME].map((name, n) =>
      fixtures.indicator(coordinator, {
        terms: n === 0 ? [term.body.id] : [],
        code: `PP-${randomUUID().slice(0, 6)}`,
        name,
        right: 'adequate-housing',
        unit: 'count',
        disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
        status: 'active',
      }),
    ),
  );
  const periods = new Map<string, string>();
  for (const code of ['2023', '2024']) periods.set(code, await fixtures.period(coordinator, code));
  // [indicator, period, total, women, men]; the hidden indicator has a total only.
  const VALUES: [string, string, number, number?, number?][] = [
    [indicator.id, '2023', 1250, 620, 630],
    [indicator.id, '2024', 4324, 3, 4321],
    [hidden.id, '2024', 12],
  ];
  for (const [indicatorId, period, total, women, men] of VALUES) {
    const cells: [Record<string, string>, number][] = [[{}, total]];
    if (women !== undefined && men !== undefined) cells.push([{ sex: 'F' }, women], [{ sex: 'M' }, men]);
    await fixtures.validatedValues(
      ghent.as(ghent.official),
      reviewer,
      { indicatorId, periodId: periods.get(period)!, organisationId: ghent.organisationId },
      cells,
    );
  }
  await coordinator
    .put(`indicators/${indicator.id}/publication`)
    .send({ comparable: false, public: true })
    .expect(200);
  await coordinator
    .post('datasets')
    .send({
      title: DATASET,
      description: 'Court rulings, by district.',
      owner: ghent.organisationId,
      licence: 'CC-BY-4.0',
      updateFrequency: 'annual',
      personalData: false,
      format: 'CSV',
      accessUrl: 'https://data.example.org/evictions.csv',
      indicators: [indicator.id],
      public: true,
    })
    .expect(201);
  const comment = (session: Session, body: string, visibility: string) =>
    cityClient(api, ghent.city, session)
      .post('comments')
      .send({ target: { kind: 'indicator', id: indicator.id }, body, visibility })
      .expect(201);
  await comment(ghent.collector, HOSTILE.comment, 'public');
  await comment(ghent.researcher, INTERNAL_COMMENT, 'internal');
  return { ghent, padua, indicator, hidden };
}
