import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RecordedEvent } from '@rl/event-store';
import { asCityId, CityId } from '@rl/kernel';
import { dataSourceOptions, TenantDb } from '@rl/persistence';
import { recorded } from '@rl/projections/testing';
import { testConfig } from '../../../../test/support/test-config';
import { OpenDataProjection } from './open-data.projection';

// The open-data projection on the migrated database, one city per test: what reaches the shared table
// and when it leaves it.
describe('OpenDataProjection on PostgreSQL', () => {
  let app: DataSource;
  let db: TenantDb;
  const projection = new OpenDataProjection();
  const indicatorId = randomUUID();
  const periodId = randomUUID();

  beforeAll(async () => {
    app = await new DataSource(dataSourceOptions(testConfig(), 'app')).initialize();
    db = new TenantDb(app);
  });
  afterAll(() => app?.destroy());

  const apply = (cityId: CityId, events: { type: string; data: unknown }[]) =>
    db.inCity(cityId, (em) =>
      projection.apply(
        em,
        cityId,
        events.map((e) => recorded(e) as RecordedEvent),
      ),
    );
  const rows = (cityId: CityId, table: string) =>
    db.inCity(cityId, (em) =>
      em.query<Record<string, unknown>[]>(
        `SELECT period, key, value, status, definition_version AS "definitionVersion", series, source
           ${table === 'published_observations' ? ', public' : ''}
           FROM ${table} WHERE indicator_id = $1 ORDER BY period, key`,
        [indicatorId],
      ),
    );

  const submission = (submissionId: string) => ({
    submissionId,
    indicatorId,
    periodId,
    organisationId: randomUUID(),
  });
  const observations = (cells: [string, Record<string, string>, number][]) =>
    cells.map(([key, disaggregation, value]) => ({ key, disaggregation, value, status: 'normal' }));
  const submitted = (id: string, definitionVersion: number, source?: string) => ({
    type: 'SubmissionSubmitted',
    data: { ...submission(id), observations: [], late: false, definitionVersion, series: 1, source },
  });
  const validated = (id: string, cells: [string, Record<string, string>, number][], series = 1) => ({
    type: 'SubmissionValidated',
    data: { ...submission(id), observations: observations(cells), late: false, series },
  });
  const publication = (flags: { comparable: boolean; public: boolean }) => ({
    type: 'PublicationChanged',
    data: { indicatorId, ...flags },
  });
  const period = { type: 'PeriodDefined', data: { periodId, code: '2024' } };

  it('keeps validated cells private until the indicator is published, then shares them', async () => {
    const city = asCityId(randomUUID());
    const first = randomUUID();
    await apply(city, [
      period,
      submitted(first, 2, 'Registry'),
      validated(first, [
        ['', {}, 10],
        ['sex:F', { sex: 'F' }, 3],
      ]),
    ]);
    expect(await rows(city, 'open_data_observations')).toEqual([
      {
        period: '2024',
        key: '',
        value: 10,
        status: 'normal',
        definitionVersion: 2,
        series: 1,
        source: 'Registry',
      },
      {
        period: '2024',
        key: 'sex:F',
        value: 3,
        status: 'normal',
        definitionVersion: 2,
        series: 1,
        source: 'Registry',
      },
    ]);
    expect(await rows(city, 'published_observations')).toEqual([]);

    await apply(city, [publication({ comparable: false, public: true })]);
    expect(await rows(city, 'published_observations')).toEqual([
      expect.objectContaining({ key: '', value: 10, public: true }),
      expect.objectContaining({ key: 'sex:F', value: 3, public: true }),
    ]);
  });

  it("supersedes a period's cells with a later validation, and removes them on unpublishing or retirement", async () => {
    const city = asCityId(randomUUID());
    const [first, second] = [randomUUID(), randomUUID()];
    await apply(city, [
      period,
      publication({ comparable: true, public: false }),
      submitted(first, 1),
      validated(first, [
        ['', {}, 10],
        ['sex:F', { sex: 'F' }, 3],
      ]),
      submitted(second, 3, 'Recount'),
      validated(second, [['', {}, 12]], 2),
    ]);
    expect(await rows(city, 'published_observations')).toEqual([
      {
        period: '2024',
        key: '',
        value: 12,
        status: 'normal',
        definitionVersion: 3,
        series: 2,
        source: 'Recount',
        public: false,
      },
    ]);

    await apply(city, [publication({ comparable: false, public: false })]);
    expect(await rows(city, 'published_observations')).toEqual([]);
    await apply(city, [publication({ comparable: false, public: true })]);
    expect(await rows(city, 'published_observations')).toHaveLength(1);
    await apply(city, [{ type: 'IndicatorRetired', data: { indicatorId } }]);
    expect(await rows(city, 'published_observations')).toEqual([]);
    expect(await rows(city, 'open_data_observations')).toHaveLength(1);
  });

  it("records the indicator's disclosure rule", async () => {
    const city = asCityId(randomUUID());
    await apply(city, [{ type: 'DisclosureRuleSet', data: { indicatorId, minCount: 10, secondary: true } }]);
    await apply(city, [{ type: 'DisclosureRuleSet', data: { indicatorId, minCount: 3, secondary: true } }]);
    const rules = await db.inCity(city, (em) =>
      em.query(`SELECT min_count AS "minCount", secondary FROM published_disclosure_rules`),
    );
    expect(rules).toEqual([{ minCount: 3, secondary: true }]);
  });
});
