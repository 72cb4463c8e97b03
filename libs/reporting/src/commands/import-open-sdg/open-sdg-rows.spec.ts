import { readSheet, SheetRow } from './open-sdg-rows';
import { importDeadline, parseMapping } from './import-open-sdg.handler';
import { parsePeriodCode } from '../../domain/period-code';

const collect = async (name: string, buffer: Buffer): Promise<SheetRow[]> => {
  const rows: SheetRow[] = [];
  for await (const row of readSheet(name, buffer)) rows.push(row);
  return rows;
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
    for await (const _row of readSheet('big.csv', Buffer.from(lines.join('\r\n')))) count++;
    clearInterval(timer);
    expect(count).toBe(50_001);
    expect(ticks).toBeGreaterThan(0);
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
