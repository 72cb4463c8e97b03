import { LAYOUT, sheetNames, templateSheet, TemplateWork } from './template-sheet';
import { cellLabel, templateCells } from './template-cells';
import { valueRule } from './value-rule';

const work = (overrides: Partial<TemplateWork> = {}): TemplateWork => ({
  cityId: 'city',
  assignmentId: 'assignment',
  indicatorId: 'indicator',
  periodId: 'period',
  periodCode: '2024',
  deadline: new Date('2025-03-31T21:59:59Z'),
  definitionVersion: 2,
  indicator: {
    code: 'ND-1',
    name: { en: 'Complaints', nl: 'Klachten' },
    unit: 'count',
    disaggregations: [
      { dimension: 'sex', values: ['F', 'M'] },
      { dimension: 'district', values: [] },
      { dimension: 'age', values: ['0-17'] },
    ],
  },
  kind: 'count',
  lastValue: (cell) => (Object.keys(cell).length === 0 ? { value: 41, periodCode: '2023' } : undefined),
  ...overrides,
});

describe('template model', () => {
  it('has the total and every listed value of each dimension, open dimensions none', () => {
    expect(templateCells(work().indicator.disaggregations)).toEqual([
      {},
      { sex: 'F' },
      { sex: 'M' },
      { age: '0-17' },
    ]);
    expect(cellLabel({ sex: 'F' }, 'Total')).toBe('sex: F');
  });

  it("lays a row per cell from the first cell row, in the collector's language, with the last value", () => {
    const sheet = templateSheet(work(), 'ND-1 2024', 'nl');
    expect(sheet.rows.map((r) => [r.row, r.label, r.lastValue])).toEqual([
      [LAYOUT.firstCellRow, 'Totaal', '41 (2023)'],
      [LAYOUT.firstCellRow + 1, 'sex: F', ''],
      [LAYOUT.firstCellRow + 2, 'sex: M', ''],
      [LAYOUT.firstCellRow + 3, 'age: 0-17', ''],
    ]);
    expect(sheet.facts[0]).toEqual(['Indicator', 'ND-1 — Klachten']);
    expect(sheet.facts.length).toBeLessThan(LAYOUT.headerRow);
    expect(sheet.meta).toEqual({
      sheet: 'ND-1 2024',
      cityId: 'city',
      assignmentId: 'assignment',
      indicatorId: 'indicator',
      definitionVersion: 2,
      periodId: 'period',
    });
  });

  it('names sheets as Excel allows: short, no reserved characters, unique, never a hidden one', () => {
    expect(sheetNames(['A/B 2013/14', 'meta', 'x'.repeat(40), 'x'.repeat(40), 'A-B 2013-14'])).toEqual([
      'A-B 2013-14',
      'meta~2',
      'x'.repeat(28),
      `${'x'.repeat(28)}~2`,
      'A-B 2013-14~2',
    ]);
  });

  it('validates by unit: whole counts, 0-100 percentages, a 0/1 list for yes/no', () => {
    expect(valueRule('count')).toEqual(expect.objectContaining({ spreadsheet: 'whole', min: 0 }));
    expect(valueRule('percent')).toEqual(
      expect.objectContaining({
        spreadsheet: 'decimal',
        min: 0,
        max: 100,
        constraint: '. >= 0 and . <= 100',
      }),
    );
    expect(valueRule('yes_no')).toEqual(
      expect.objectContaining({ spreadsheet: 'list', question: 'integer' }),
    );
    expect(valueRule('number')).toEqual({ spreadsheet: 'decimal', question: 'decimal' });
  });
});
