import ExcelJS from 'exceljs';
import { readSheet, SHEET_LIMITS } from './open-sdg-rows';
import { parseMapping } from './import-mapping';
import { importDeadline } from './import-plan';
import { parsePeriodCode } from '../../domain/period-code';

const LIMITS = { ...SHEET_LIMITS, maxRows: 100_000 };
const collect = async (name: string, buffer: Buffer, limits = LIMITS) => {
  const rows: { row: number; cells: string[] }[] = [];
  for await (const { row, cells } of readSheet(name, buffer, limits)) rows.push({ row, cells });
  return rows;
};
const xlsx = async (rows: unknown[][]) => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('data').addRows(rows);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

describe('readSheet (Open SDG CSV)', () => {
  it('drops the BOM, handles CRLF and quoted cells, numbers lines from the header = 1', async () => {
    const csv = Buffer.from('\uFEFFYear,Sex,Value\r\n2013/14,"F, adult",1.5\r\n\r\n2015,,\r\n', 'utf8');
    expect(await collect('a.csv', csv)).toEqual([
      { row: 1, cells: ['Year', 'Sex', 'Value'] },
      { row: 2, cells: ['2013/14', 'F, adult', '1.5'] },
      { row: 4, cells: ['2015', '', ''] },
    ]);
  });

  it('streams 50,000 rows without holding the event loop', async () => {
    const lines = [
      'Year,Sex,Value',
      ...Array.from({ length: 50_000 }, (_, i) => `${2000 + (i % 20)},F,${i}`),
    ];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let count = 0;
    for await (const _row of readSheet('big.csv', Buffer.from(lines.join('\r\n')), LIMITS)) count++;
    clearInterval(timer);
    expect(count).toBe(50_001);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('readSheet caps', () => {
  const csv = (lines: string[]) => Buffer.from(lines.join('\n'));
  const refused = (promise: Promise<unknown>, code: string) =>
    expect(promise).rejects.toMatchObject({ code, errors: [expect.objectContaining({ field: 'file' })] });

  it('refuses more data rows than the cap, the header not counted', async () => {
    const lines = ['Year,Value', '2020,1', '2021,2', '2022,3'];
    await expect(collect('a.csv', csv(lines), { ...LIMITS, maxRows: 3 })).resolves.toHaveLength(4);
    await refused(collect('a.csv', csv(lines), { ...LIMITS, maxRows: 2 }), 'IMPORT.TOO_MANY_ROWS');
    await refused(
      collect(
        'a.xlsx',
        await xlsx([
          ['Year', 'Value'],
          [2020, 1],
          [2021, 2],
        ]),
        { ...LIMITS, maxRows: 1 },
      ),
      'IMPORT.TOO_MANY_ROWS',
    );
  });

  it('refuses too many columns and too long cells, in CSV and XLSX', async () => {
    const wide = Array.from({ length: 101 }, (_, i) => `c${i}`);
    await refused(collect('a.csv', csv([wide.join(','), wide.join(',')])), 'IMPORT.TOO_MANY_COLUMNS');
    await refused(collect('a.xlsx', await xlsx([wide])), 'IMPORT.TOO_MANY_COLUMNS');
    const long = 'x'.repeat(2_001);
    await refused(collect('a.csv', csv(['Year,Value', `${long},1`])), 'IMPORT.CELL_TOO_LONG');
    await refused(
      collect(
        'a.xlsx',
        await xlsx([
          ['Year', 'Value'],
          [long, 1],
        ]),
      ),
      'IMPORT.CELL_TOO_LONG',
    );
  });
});

describe('readSheet (XLSX, streamed)', () => {
  it('reads shared and inline strings, numbers, booleans and gaps, skipping blank rows', async () => {
    const buffer = await xlsx([
      ['Year', 'sex', 'Units', 'Value'],
      [2030, '', 'persons', 10],
      [],
      ['2031/32', 'F & M <all>', true, 0.25],
    ]);
    expect(await collect('any-name', buffer)).toEqual([
      { row: 1, cells: ['Year', 'sex', 'Units', 'Value'] },
      { row: 2, cells: ['2030', '', 'persons', '10'] },
      { row: 4, cells: ['2031/32', 'F & M <all>', 'true', '0.25'] },
    ]);
  });

  it('refuses a file that is not a ZIP archive, naming file', async () => {
    await expect(collect('a.xlsx', Buffer.from('Year,Value\n'))).rejects.toMatchObject({
      code: 'IMPORT.UNREADABLE_FILE',
      errors: [expect.objectContaining({ field: 'file' })],
    });
  });
});

describe('import mapping and deadlines', () => {
  it('reads the mapping JSON or refuses it naming mapping', () => {
    expect(parseMapping(undefined)).toEqual({ columns: {}, values: {} });
    expect(parseMapping('{"columns":{"Sexe":"sex"},"values":{"sex":{"Dona":"F"}}}')).toEqual({
      columns: { Sexe: 'sex' },
      values: { sex: { Dona: 'F' } },
    });
    expect(() => parseMapping('{"columns":{"Sexe":1}}')).toThrow(/mapping/);
    expect(() => parseMapping('nope')).toThrow(/mapping must be JSON/);
  });

  it("dates a created period's deadline at the end of the following March in the city's time zone", () => {
    expect(importDeadline(parsePeriodCode('2020'), 'Europe/Brussels').toISOString()).toBe(
      '2021-03-31T21:59:59.000Z',
    );
    expect(importDeadline(parsePeriodCode('2013/14'), 'Europe/Madrid').toISOString()).toBe(
      '2015-03-31T21:59:59.000Z',
    );
    expect(importDeadline(parsePeriodCode('2024-Q1'), 'UTC').toISOString()).toBe('2025-03-31T23:59:59.000Z');
  });
});
