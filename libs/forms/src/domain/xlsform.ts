import { cellQuestionNames } from './cell-names';
import { cellLabel, templateCells } from './template-cells';
import { Language, LANGUAGE_NAMES, LANGUAGES, localText, TEMPLATE_COPY } from './template-copy';
import { TemplateWork } from './template-sheet';
import { valueRule } from './value-rule';

// An XLSForm (https://xlsform.org) for ODK Collect and KoboToolbox: one numeric question per cell,
// named by cellQuestionNames (the pulls map answers back by those names), and the ids of the work as
// constant calculations so that every submission says what it answers.

export type XlsFormRow = Record<string, string>;

export interface XlsForm {
  survey: { columns: string[]; rows: XlsFormRow[] };
  choices: { columns: string[]; rows: XlsFormRow[] };
  settings: { columns: string[]; rows: XlsFormRow[] };
}

// The question names of the hidden fields (never a cell name: those contain a dimension and `_`, or are
// `total`).
export const HIDDEN_FIELDS = {
  assignmentId: 'assignment_id',
  periodId: 'period_id',
  definitionVersion: 'definition_version',
} as const;

const column = (base: string, language: Language) => `${base}::${LANGUAGE_NAMES[language]} (${language})`;
const localised = (base: string) => LANGUAGES.map((language) => column(base, language));
const perLanguage = (base: string, text: (language: Language) => string): XlsFormRow =>
  Object.fromEntries(LANGUAGES.map((language) => [column(base, language), text(language)]));

// yyyyMMddHHmmss in UTC: grows with every regeneration (ODK compares versions as strings).
export const formVersion = (now: Date): string => now.toISOString().replace(/\D/g, '').slice(0, 14);

// XPath string literal of an id (ids are UUIDs or digits: no quotes to escape).
const literal = (value: string | number) => `'${value}'`;

export function xlsForm(work: TemplateWork, language: Language, now: Date): XlsForm {
  const rule = valueRule(work.kind);
  const { indicator } = work;
  // The same cells, in the same order, as the spreadsheet template.
  const cells = cellQuestionNames(templateCells(indicator.disaggregations));
  const intro: XlsFormRow = {
    type: 'note',
    name: 'intro',
    ...perLanguage(
      'label',
      (l) => `${indicator.code} — ${localText(indicator.name, l)} (${work.periodCode})`,
    ),
    ...perLanguage('hint', (l) => localText(indicator.description, l)),
  };
  const questions = [...cells].map(([name, cell]): XlsFormRow => ({
    type: rule.question,
    name,
    ...perLanguage('label', (l) => cellLabel(cell, TEMPLATE_COPY[l].total)),
    ...perLanguage(
      'hint',
      (l) => `${TEMPLATE_COPY[l].unit}: ${indicator.unit}. ${TEMPLATE_COPY[l].prompt[work.kind]}`,
    ),
    // Indicators declare no mandatory cells: a collector answers the cells they have figures for.
    required: 'false',
    constraint: rule.constraint ?? '',
    ...perLanguage('constraint_message', (l) => (rule.constraint ? TEMPLATE_COPY[l].error[work.kind] : '')),
  }));
  const hidden = (name: string, value: string | number): XlsFormRow => ({
    type: 'calculate',
    name,
    calculation: literal(value),
  });
  return {
    survey: {
      columns: [
        'type',
        'name',
        ...localised('label'),
        ...localised('hint'),
        'required',
        'constraint',
        ...localised('constraint_message'),
        'calculation',
      ],
      rows: [
        intro,
        ...questions,
        hidden(HIDDEN_FIELDS.assignmentId, work.assignmentId),
        hidden(HIDDEN_FIELDS.periodId, work.periodId),
        hidden(HIDDEN_FIELDS.definitionVersion, work.definitionVersion),
      ],
    },
    // No select questions (yes/no is an integer 0 or 1): the sheet is there, with its columns.
    choices: { columns: ['list_name', 'name', ...localised('label')], rows: [] },
    settings: {
      columns: ['form_title', 'form_id', 'version', 'default_language'],
      rows: [
        {
          form_title: `${indicator.code} ${work.periodCode}`,
          // Stable per assignment: a new version of the same form, never a new form.
          form_id: `rl_${work.assignmentId.replace(/-/g, '')}`,
          version: formVersion(now),
          default_language: `${LANGUAGE_NAMES[language]} (${language})`,
        },
      ],
    },
  };
}
