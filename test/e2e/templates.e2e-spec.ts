import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { xlsFormProblems } from '@rl/forms/testing';
import { ApiHarness, cityWithPeople, CityWithPeople, expectProblem, fixtures, Session } from '../support';
import { binary, xlsFormSheets } from '../support/xlsx-sheets';
import { deflatedFill, workbookAround } from '../support/zip-writer';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Report {
  ok: boolean;
  accepted: number;
  rejected: { row: number; reason: string }[];
  submissions: { period: string; id: string }[];
  position?: number;
}

// The first work sheet of a template (the others are the very-hidden lists and meta sheets).
const workSheet = (workbook: ExcelJS.Workbook) =>
  workbook.worksheets.find((ws) => ws.name !== 'meta' && ws.name !== 'lists') as ExcelJS.Worksheet;

async function edit(buffer: Buffer, change: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  change(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Collection tools: spreadsheet templates and XLSForms per assignment', () => {
  let api: ApiHarness;
  let operator: Session;
  let ghent: CityWithPeople;

  const percentIndicator = {
    name: { en: 'Share of women on district councils', nl: 'Aandeel vrouwen in districtsraden' },
    description: { en: 'Seats held by women over all seats, in percent' },
    right: 'participation',
    type: 'outcome',
    unit: 'percent',
    disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
    status: 'active',
  };

  const download = async (session: Session, path: string, people = ghent) =>
    (await people.as(session).get(path).buffer(true).parse(binary).expect(200)).body as Buffer;
  const upload = (session: Session, file: Buffer, people = ghent) =>
    people.as(session).post('imports').attach('file', file, 'filled.xlsx');

  beforeAll(async () => {
    ({ api, operator } = await ApiHarness.startWithOperator());
    ghent = await cityWithPeople(api, operator, 'Ghent');
  });
  afterAll(() => api.close());

  // An assignment of a new percent indicator; `at` reads it as soon as it is written.
  const assignWork = async (people: CityWithPeople, periodCode: string) => {
    const client = people.as(people.coordinator);
    const indicator = await fixtures.indicator(client, percentIndicator);
    const periodId = await fixtures.period(client, periodCode);
    const res = await client
      .post('assignments')
      .send({ indicatorId: indicator.id, organisationId: people.organisationId, periodId })
      .expect(201);
    return {
      assignmentId: res.body.id as string,
      indicatorId: indicator.id,
      at: `?minPosition=${res.body.position}`,
    };
  };

  it('a filled template imports as a submission; the bad row is named, then the fix is accepted', async () => {
    const work = await assignWork(ghent, '2031');
    const res = await ghent
      .as(ghent.collector)
      .get(`assignments/${work.assignmentId}/template.xlsx${work.at}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const template = res.body as Buffer;

    // A second reader: a valid workbook, validations and protection on the work sheet, hidden sheets.
    const book = XLSX.read(template, { type: 'buffer', bookFiles: true });
    const sheetNames = book.SheetNames;
    expect(sheetNames).toEqual(expect.arrayContaining(['lists', 'meta']));
    expect(book.Workbook?.Sheets?.filter((s) => s.Hidden === 2).map((s) => s.name)).toEqual([
      'lists',
      'meta',
    ]);
    const files = (book as unknown as { files: Record<string, { content: Uint8Array }> }).files;
    const sheetXml = Buffer.from(files['xl/worksheets/sheet1.xml'].content).toString();
    expect(sheetXml).toContain('<sheetProtection');
    expect(sheetXml).toMatch(/<dataValidation type="decimal"[^>]*sqref="B9:B11"|sqref="B9"/);
    expect(sheetXml).toContain('<formula2>100</formula2>');

    // The cells to fill in are exactly the unlocked cells of the protected sheet.
    await edit(template, (workbook) => {
      const ws = workSheet(workbook);
      const unlocked: string[] = [];
      ws.eachRow((row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.protection?.locked === false) unlocked.push(cell.address);
        }),
      );
      expect(unlocked).toEqual(['B9', 'B10', 'B11']);
      const { sheetProtection } = ws as unknown as { sheetProtection: { sheet?: boolean } };
      expect(sheetProtection).toEqual(expect.objectContaining({ sheet: true }));
    });

    const filled = (values: (string | number)[]) =>
      edit(template, (workbook) => {
        const ws = workSheet(workbook);
        expect([9, 10, 11].map((row) => ws.getCell(row, 1).value)).toEqual(['Totaal', 'sex: F', 'sex: M']);
        values.forEach((value, i) => (ws.getCell(9 + i, 2).value = value));
      });

    // "12,5" typed as text with a comma, 150 out of range for a percentage.
    const bad = await upload(ghent.collector, await filled(['12,5', 150, 40]));
    const problem = expectProblem(bad, 422, 'IMPORT.REJECTED');
    const report = (bad.body as { report: Report }).report;
    expect(report.rejected).toEqual([{ row: 10, reason: expect.stringContaining('between 0 and 100') }]);
    expect(problem.errors).toEqual([{ field: 'row 10', message: expect.any(String) }]);

    const good = await upload(ghent.collector, await filled(['12,5', '10.5', 40])).expect(201);
    const accepted = good.body as Report;
    expect(accepted).toEqual(expect.objectContaining({ ok: true, accepted: 3, rejected: [] }));
    expect(accepted.submissions).toEqual([{ period: '2031', id: expect.any(String) }]);
    const submission = await ghent
      .as(ghent.official)
      .get(`submissions/${accepted.submissions[0].id}?minPosition=${accepted.position}`)
      .expect(200);
    const values = (submission.body.observations as { disaggregation: object; value: number }[]).map((o) => [
      o.disaggregation,
      o.value,
    ]);
    expect(values).toEqual([
      [{}, 12.5],
      [{ sex: 'F' }, 10.5],
      [{ sex: 'M' }, 40],
    ]);
    expect(submission.body).toEqual(
      expect.objectContaining({ status: 'submitted', organisationId: ghent.organisationId }),
    );

    // The collector's list shows the work as submitted.
    const mine = await ghent.as(ghent.collector).get('me/assignments').expect(200);
    expect(mine.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: work.assignmentId, status: 'submitted', periodCode: '2031' }),
      ]),
    );
  });

  it('refuses a tampered metadata sheet, a stale definition and an assignment not the caller’s', async () => {
    const work = await assignWork(ghent, '2032');
    const template = await download(
      ghent.collector,
      `assignments/${work.assignmentId}/template.xlsx${work.at}`,
    );
    const fill = (workbook: ExcelJS.Workbook) => (workSheet(workbook).getCell(9, 2).value = 5);

    const tampered = await edit(template, (workbook) => {
      fill(workbook);
      // Points the sheet at another period.
      workbook.getWorksheet('meta')!.getCell(2, 6).value = '00000000-0000-4000-8000-000000000000';
    });
    expectProblem(await upload(ghent.collector, tampered), 422, 'TEMPLATE.TAMPERED');

    // Another collector's organisation: not their assignment (and the template itself is a 404).
    const otherOrganisation = await fixtures.organisation(ghent.as(ghent.coordinator));
    const stranger = await api.member(operator, ghent.city, 'collector', {
      organisationId: otherOrganisation,
    });
    await ghent.as(stranger).get(`assignments/${work.assignmentId}/template.xlsx${work.at}`).expect(404);
    await ghent.as(stranger).get(`assignments/${work.assignmentId}/form.xlsx`).expect(404);
    expectProblem(await upload(stranger, await edit(template, fill)), 422, 'TEMPLATE.NOT_YOURS');

    const indicator = await ghent.as(ghent.coordinator).get(`indicators/${work.indicatorId}`).expect(200);
    await ghent
      .as(ghent.coordinator)
      .patch(`indicators/${work.indicatorId}`)
      .set('If-Match', String(indicator.body.version))
      .send({ name: { en: 'Share of women on district councils (seats)' } })
      .expect(200);
    expectProblem(
      await upload(ghent.collector, await edit(template, fill)),
      422,
      'TEMPLATE.STALE_DEFINITION',
    );
  });

  it('keeps the zip-bomb caps in front of the template reader (a part that lies about its size)', async () => {
    const liar = workbookAround({
      name: 'xl/worksheets/sheet1.xml',
      data: await deflatedFill(64 * 1024 * 1024, 0x20, '<worksheet><sheetData>'),
      method: 8,
      declaredSize: 2_000,
    });
    expectProblem(await upload(ghent.collector, liar), 422, 'IMPORT.ARCHIVE_TOO_LARGE');
  });

  it("refuses another city's template", async () => {
    const padua = await cityWithPeople(api, operator, 'Padua');
    const work = await assignWork(padua, '2031');
    const template = await download(
      padua.collector,
      `assignments/${work.assignmentId}/template.xlsx${work.at}`,
      padua,
    );
    // Padua's assignment id is no Ghent assignment either: the download there is a 404.
    await ghent.as(ghent.official).get(`assignments/${work.assignmentId}/template.xlsx`).expect(404);
    expectProblem(await upload(ghent.official, template), 422, 'TEMPLATE.OTHER_CITY');
  });

  it('the all-my-assignments workbook has a sheet per open assignment and imports them together', async () => {
    const people = await cityWithPeople(api, operator, 'Ghent');
    const works = [await assignWork(people, '2033'), await assignWork(people, '2034')];
    const template = await download(people.collector, `me/assignments/template.xlsx${works[1].at}`, people);
    const filled = await edit(template, (workbook) => {
      const sheets = workbook.worksheets.filter((ws) => ws.name !== 'meta' && ws.name !== 'lists');
      expect(sheets).toHaveLength(2);
      sheets.forEach((ws, i) => (ws.getCell(9, 2).value = 20 + i));
    });
    const res = await upload(people.collector, filled, people).expect(201);
    expect((res.body as Report).accepted).toBe(2);
    expect((res.body as Report).submissions.map((s) => s.period).sort()).toEqual(['2033', '2034']);
  });

  it('the XLSForm follows the XLSForm rules, with a question per cell and the ids as calculations', async () => {
    const work = await assignWork(ghent, '2035');
    const res = await ghent
      .as(ghent.collector)
      .get(`assignments/${work.assignmentId}/form.xlsx${work.at}`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const sheets = xlsFormSheets(res.body as Buffer);
    expect(xlsFormProblems(sheets)).toEqual([]);
    const survey = sheets.survey.rows;
    expect(survey.map((r) => [r.type, r.name])).toEqual([
      ['note', 'intro'],
      ['decimal', 'total'],
      ['decimal', 'sex_F'],
      ['decimal', 'sex_M'],
      ['calculate', 'assignment_id'],
      ['calculate', 'period_id'],
      ['calculate', 'definition_version'],
    ]);
    expect(survey[1].constraint).toBe('. >= 0 and . <= 100');
    expect(survey[2]['label::Nederlands (nl)']).toBe('sex: F');
    expect(survey[4].calculation).toBe(`'${work.assignmentId}'`);
    const [settings] = sheets.settings.rows;
    expect(settings.form_id).toBe(`rl_${work.assignmentId.replace(/-/g, '')}`);
    expect(String(settings.version)).toMatch(/^\d{14}$/);
  });
});
