import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ApiHarness, cityClient, expectProblem, fixtures, Session, TestCity } from '../support';

// The real Open SDG files (read only); see test/fixtures/open-sdg/README.md for their origin and licences.
const DATA = path.resolve(__dirname, '../fixtures/open-sdg');
const fixture = (name: string) => readFileSync(path.join(DATA, name));

interface Report {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  accepted: number;
  skippedEmpty: number;
  duplicates: number;
  rejected: { row: number; reason: string }[];
  periodsCreated: string[];
  submissions: { period: string; id: string }[];
  position?: number;
}

const open = (dimension: string) => ({ dimension, values: [] as string[] });

describe('Imports: Open SDG CSV and XLSX, all or nothing', () => {
  let api: ApiHarness;
  let operator: Session;
  let city: TestCity;
  let coordinator: Session;
  let official: Session;
  let organisationId: string;

  const as = (session: Session) => cityClient(api, city, session);
  const defineIndicator = async (unit: string, disaggregations: { dimension: string; values: string[] }[]) =>
    (
      await fixtures.indicator(as(coordinator), {
        code: `IMP-${randomUUID().slice(0, 6)}`,
        name: 'Imported indicator',
        right: 'participation',
        type: 'outcome',
        unit,
        disaggregations,
        status: 'active',
      })
    ).id;
  const importFile = (
    indicatorId: string,
    file: Buffer,
    name: string,
    fields: Record<string, string> = {},
    session = official,
  ) => {
    let req = as(session)
      .post('imports')
      .field('indicatorId', indicatorId)
      .field('organisationId', organisationId);
    for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
    return req.attach('file', file, name);
  };
  // Periods and submissions of an indicator as the read models show them after a later write: a period
  // defined and a submission for it (of another indicator), so both read models must have caught up.
  let barrierMonth = 0;
  let barrierIndicator: string | undefined;
  const written = async (indicatorId: string) => {
    barrierIndicator ??= await defineIndicator('count', []);
    const period = await as(coordinator)
      .post('periods')
      .send({ code: `2150-${String(++barrierMonth).padStart(2, '0')}`, deadline: '2199-01-31' })
      .expect(201);
    const submitted = await as(official)
      .post('submissions')
      .send({
        indicatorId: barrierIndicator,
        periodId: period.body.id as string,
        organisationId,
        observations: [{ disaggregation: {}, value: 1 }],
      })
      .expect(201);
    const periods = await as(coordinator).get(`periods?minPosition=${period.body.position}`).expect(200);
    const submissions = await as(official)
      .get(`submissions?indicatorId=${indicatorId}&minPosition=${submitted.body.position}`)
      .expect(200);
    return {
      codes: (periods.body as { code: string }[]).map((p) => p.code),
      submissions: submissions.body as { periodId: string; status: string }[],
    };
  };

  beforeAll(async () => {
    ({ api, operator, city, coordinator } = await ApiHarness.startWithCity('Ghent'));
    organisationId = await fixtures.organisation(as(coordinator), {
      name: 'Statistics office',
      kind: 'local_authority',
    });
    official = await api.member(operator, city, 'official');
  });
  afterAll(() => api.close());

  it('imports ONS 16-7-2 (year spans, CRLF, open dimensions): 219 rows in 6 new periods', async () => {
    const indicatorId = await defineIndicator(
      'percentage',
      [
        'Sex',
        'Age',
        'Ethnicity',
        'Disability status',
        'Region',
        'Urban or rural',
        'Citizenship',
        'Household income',
      ].map(open),
    );
    const res = await importFile(
      indicatorId,
      fixture('ONS_indicator_16-7-2.csv'),
      'indicator_16-7-2.csv',
    ).expect(201);
    const report = res.body as Report;
    expect(report).toEqual(
      expect.objectContaining({
        ok: true,
        dryRun: false,
        rows: 219,
        accepted: 219,
        skippedEmpty: 0,
        rejected: [],
      }),
    );
    const spans = ['2013/14', '2014/15', '2015/16', '2016/17', '2017/18', '2018/19'];
    expect([...report.periodsCreated].sort()).toEqual(spans);
    expect(report.submissions.map((s) => s.period).sort()).toEqual(spans);

    const after = await written(indicatorId);
    expect(after.codes).toEqual(expect.arrayContaining(spans));
    expect(after.submissions).toHaveLength(6);
    expect(after.submissions.every((s) => s.status === 'submitted')).toBe(true);
    const one = await as(official).get(
      `submissions/${report.submissions[0].id}?minPosition=${report.position}`,
    );
    expect(one.status).toBe(200);
    expect(JSON.stringify(one.body)).toContain('import');

    // The same file again: those periods now have an open submission, so the import is refused whole.
    const again = await importFile(indicatorId, fixture('ONS_indicator_16-7-2.csv'), 'again.csv');
    expectProblem(again, 422, 'IMPORT.REJECTED');
    const problem = again.body as { report: Report };
    expect(problem.report.rejected.map((r) => r.reason).join('\n')).toMatch(
      /2013\/14 already has an open submission/,
    );
  });

  it('imports the València file with its mapping (Sexe → sex, Dona/Home → F/M, GeoCode → district)', async () => {
    const indicatorId = await defineIndicator('per 1,000 live births', [
      { dimension: 'sex', values: ['F', 'M'] },
      open('district'),
    ]);
    const mapping = JSON.stringify({
      columns: { Sexe: 'sex', GeoCode: 'district' },
      values: { sex: { Dona: 'F', Home: 'M' } },
    });
    const dry = await importFile(indicatorId, fixture('Valencia_indicator_3-2-1.csv'), 'valencia.csv', {
      mapping,
      dryRun: 'true',
    }).expect(201);
    expect(dry.body).toEqual(
      expect.objectContaining({ ok: true, dryRun: true, rows: 264, accepted: 264, submissions: [] }),
    );
    const years = Array.from({ length: 12 }, (_, i) => String(2009 + i));
    expect([...(dry.body as Report).periodsCreated].sort()).toEqual(years);
    const nothing = await written(indicatorId);
    expect(nothing.submissions).toEqual([]);

    const res = await importFile(indicatorId, fixture('Valencia_indicator_3-2-1.csv'), 'valencia.csv', {
      mapping,
    }).expect(201);
    const report = res.body as Report;
    expect(report).toEqual(expect.objectContaining({ ok: true, rows: 264, accepted: 264, rejected: [] }));
    expect(report.submissions).toHaveLength(12);
    expect((await written(indicatorId)).submissions).toHaveLength(12);

    // Without the GeoCode mapping the districts collapse onto one key: conflicts, naming both rows.
    const other = await defineIndicator('per 1,000 live births', [{ dimension: 'sex', values: ['F', 'M'] }]);
    const collapsed = await importFile(other, fixture('Valencia_indicator_3-2-1.csv'), 'valencia.csv', {
      mapping: JSON.stringify({ columns: { Sexe: 'sex' }, values: { sex: { Dona: 'F', Home: 'M' } } }),
      dryRun: 'true',
    }).expect(201);
    expect((collapsed.body as Report).ok).toBe(false);
    expect((collapsed.body as Report).rejected[0]).toEqual({
      row: 38,
      reason: expect.stringMatching(/rows 2 and 38/),
    });
  });

  it("rejects ONS 11-6-2's ten conflicting duplicates with both row numbers, and writes nothing", async () => {
    const indicatorId = await defineIndicator('microgram/m3', [
      open('Size of particulate matter'),
      open('Local Authority'),
    ]);
    const res = await importFile(indicatorId, fixture('ONS_indicator_11-6-2.csv'), 'indicator_11-6-2.csv');
    expectProblem(res, 422, 'IMPORT.REJECTED');
    const { report } = res.body as { report: Report };
    expect(report).toEqual(expect.objectContaining({ ok: false, rows: 284, accepted: 274 }));
    const pairs: [number, number][] = [
      [41, 43],
      [42, 44],
      [112, 114],
      [128, 130],
      [143, 145],
      [175, 177],
      [197, 199],
      [220, 222],
      [221, 223],
      [242, 243],
    ];
    expect(report.rejected.map((r) => r.row)).toEqual(pairs.map(([, second]) => second));
    for (const [first, second] of pairs) {
      const entry = report.rejected.find((r) => r.row === second);
      expect(entry?.reason).toContain(`rows ${first} and ${second}`);
    }
    const after = await written(indicatorId);
    expect(after.submissions).toEqual([]);
    expect(after.codes).not.toContain('2008');
  });

  it('imports the same layout from an XLSX workbook, and reports an undeclared value by row', async () => {
    const indicatorId = await defineIndicator('count', [{ dimension: 'sex', values: ['F', 'M'] }]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.addRows([
      ['Year', 'sex', 'Units', 'Value'],
      [2030, '', 'persons', 10],
      [2030, 'F', 'persons', 6],
      [2030, 'M', 'persons', 4],
      [2031, '', 'persons', null],
      [2031, 'F', 'persons', 7],
      [2031, 'F', 'persons', 7],
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await importFile(indicatorId, xlsx, 'counts.xlsx').expect(201);
    expect(res.body).toEqual(
      expect.objectContaining({
        ok: true,
        rows: 6,
        accepted: 4,
        skippedEmpty: 1,
        duplicates: 1,
        periodsCreated: ['2030', '2031'],
      }),
    );

    const csv = Buffer.from('\uFEFFYear,sex,Value\r\n2032,F,3\r\n2032,X,4\r\n2032,,abc\r\n', 'utf8');
    const bad = await importFile(indicatorId, csv, 'bad.csv');
    expectProblem(bad, 422, 'IMPORT.REJECTED');
    const { report } = bad.body as { report: Report };
    expect(report.rejected).toEqual([
      { row: 3, reason: expect.stringMatching(/sex: must be one of F, M/) },
      { row: 4, reason: expect.stringMatching(/not a number/) },
    ]);
    expect(report.periodsCreated).toEqual(['2032']);
    const after = await written(indicatorId);
    expect(after.codes).not.toContain('2032');
    expect(after.submissions).toHaveLength(2);
  });

  it("lets a collector import only its organisation's assignments", async () => {
    const collector = await api.member(operator, city, 'collector', { organisationId });
    const indicatorId = await defineIndicator('count', []);
    const period = await as(coordinator)
      .post('periods')
      .send({ code: '2040', deadline: '2199-01-31' })
      .expect(201);
    await as(coordinator)
      .post('assignments')
      .send({ indicatorId, organisationId, periodId: period.body.id as string })
      .expect(201);
    const ok = await importFile(indicatorId, Buffer.from('Year,Value\n2040,5\n'), 'mine.csv', {}, collector);
    expect(ok.status).toBe(201);
    expect(ok.body).toEqual(expect.objectContaining({ ok: true, accepted: 1, periodsCreated: [] }));
    const unassigned = await importFile(
      indicatorId,
      Buffer.from('Year,Value\n2041,5\n'),
      'new.csv',
      {},
      collector,
    );
    expectProblem(unassigned, 403, 'SUBMISSION.NOT_ASSIGNED');
    const after = await written(indicatorId);
    expect(after.codes).not.toContain('2041');
    expect(after.submissions).toHaveLength(1);
  });

  it('names the file when it is missing or over 20 MB, and checks the mapping', async () => {
    const indicatorId = await defineIndicator('count', []);
    const missing = await as(official).post('imports').field('indicatorId', indicatorId);
    expect(expectProblem(missing, 400, 'IMPORT.FILE_REQUIRED').errors).toEqual([
      expect.objectContaining({ field: 'file' }),
    ]);
    const badMapping = await importFile(indicatorId, Buffer.from('Year,Value\n2030,1\n'), 'a.csv', {
      mapping: '{nope',
    });
    expectProblem(badMapping, 400, 'IMPORT.INVALID_MAPPING');
    const huge = await importFile(indicatorId, Buffer.alloc(21 * 1024 * 1024, 'a'), 'huge.csv');
    expect(expectProblem(huge, 413).detail).toMatch(/^file: larger than 20 MB/);
  });
});
