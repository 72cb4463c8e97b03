import { xlsFormProblems } from '../testing/xlsform-rules';
import { formVersion, xlsForm } from '../domain/xlsform';
import { TemplateWork } from '../domain/template-sheet';

const WORK: TemplateWork = {
  cityId: 'city',
  assignmentId: '01a00000-0000-7000-8000-000000000002',
  indicatorId: 'indicator',
  periodId: '01a00000-0000-7000-8000-000000000004',
  periodCode: '2024-Q1',
  deadline: new Date('2024-04-30T00:00:00Z'),
  definitionVersion: 5,
  indicator: {
    code: 'EDU-2',
    name: { en: 'Early school leavers', it: 'Abbandono scolastico' },
    unit: 'percent',
    disaggregations: [{ dimension: 'sex', values: ['F', 'M'] }],
  },
  kind: 'percent',
  lastValue: () => undefined,
};

describe('XLSForm', () => {
  const form = xlsForm(WORK, 'it', new Date('2026-12-04T20:33:55.123Z'));

  it('keeps the XLSForm rules', () => {
    expect(xlsFormProblems(form)).toEqual([]);
  });

  it('asks one question per cell by its stable name, constrained by the unit, labelled per language', () => {
    const questions = form.survey.rows.filter((r) => r.type === 'decimal');
    expect(questions.map((q) => q.name)).toEqual(['total', 'sex_F', 'sex_M']);
    expect(questions[0]).toEqual(
      expect.objectContaining({
        constraint: '. >= 0 and . <= 100',
        required: 'false',
        'label::English (en)': 'Total',
        'label::Nederlands (nl)': 'Totaal',
        'label::Italiano (it)': 'Totale',
      }),
    );
    expect(questions[0]['hint::English (en)']).toContain('percent');
  });

  it('carries the ids as constant calculations and a stable form id with a growing version', () => {
    const hidden = form.survey.rows.filter((r) => r.type === 'calculate');
    expect(hidden.map((r) => [r.name, r.calculation])).toEqual([
      ['assignment_id', `'${WORK.assignmentId}'`],
      ['period_id', `'${WORK.periodId}'`],
      ['definition_version', "'5'"],
    ]);
    const [settings] = form.settings.rows;
    expect(settings).toEqual({
      form_title: 'EDU-2 2024-Q1',
      form_id: 'rl_01a00000000070008000000000000002',
      version: '20261204203355',
      default_language: 'Italiano (it)',
    });
    expect(formVersion(new Date('2026-12-04T20:33:56Z')) > settings.version).toBe(true);
  });

  it('finds broken forms', () => {
    expect(
      xlsFormProblems({
        survey: {
          columns: ['type', 'name', 'label'],
          rows: [
            { type: 'decimal', name: '1bad', label: 'x' },
            { type: 'decimal', name: 'a', label: '' },
            { type: 'decimal', name: 'a', label: 'y' },
            { type: 'number', name: 'b', label: 'z' },
            { type: 'calculate', name: 'c' },
          ],
        },
      }),
    ).toEqual([
      'survey row 2: name "1bad" is not an XML name',
      'survey row 3: a decimal needs a label',
      'survey row 4: name "a" is repeated',
      'survey row 5: type "number" is not a known type',
      'survey row 6: a calculate needs a calculation',
    ]);
  });
});
