import { CellDisaggregation } from './cell-names';
import { cellLabel, DeclaredDimension, templateCells } from './template-cells';
import { Language, localText, TEMPLATE_COPY, TemplateCopy } from './template-copy';
import { TemplateMeta } from './template-meta';
import { ValueKind } from './value-rule';

// Where things are on a template sheet: facts about the work on top, then one row per cell from
// FIRST_CELL_ROW with its label (locked), the value to fill in (unlocked) and the last validated value.
export const LAYOUT = {
  headerRow: 8,
  firstCellRow: 9,
  labelColumn: 1,
  valueColumn: 2,
  lastValueColumn: 3,
} as const;

export const META_SHEET = 'meta';
export const LISTS_SHEET = 'lists';

export interface TemplateWork {
  cityId: string;
  assignmentId: string;
  indicatorId: string;
  periodId: string;
  periodCode: string;
  deadline: Date;
  definitionVersion: number;
  indicator: {
    code: string;
    name: Record<string, string>;
    description?: Record<string, string>;
    unit: string;
    disaggregations: DeclaredDimension[];
  };
  kind: ValueKind;
  // The cell's latest validated value and its period.
  lastValue: (cell: CellDisaggregation) => { value: number; periodCode: string } | undefined;
}

export interface TemplateRow {
  row: number;
  cell: CellDisaggregation;
  label: string;
  lastValue: string;
}

export interface TemplateSheet {
  name: string;
  copy: TemplateCopy;
  facts: [string, string][];
  rows: TemplateRow[];
  kind: ValueKind;
  meta: Omit<TemplateMeta, 'templateVersion'>;
}

// Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique (case-insensitively), and
// never the names of the hidden sheets.
export function sheetNames(wanted: readonly string[]): string[] {
  const taken = new Set([META_SHEET, LISTS_SHEET]);
  return wanted.map((raw) => {
    const base =
      raw
        .replace(/[:\\/?*[\]']/g, '-')
        .trim()
        .slice(0, 28) || 'sheet';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base}~${n}`;
    taken.add(name.toLowerCase());
    return name;
  });
}

export function templateSheet(work: TemplateWork, name: string, language: Language): TemplateSheet {
  const copy = TEMPLATE_COPY[language];
  const { indicator } = work;
  const rows = templateCells(indicator.disaggregations).map((cell, i) => {
    const last = work.lastValue(cell);
    return {
      row: LAYOUT.firstCellRow + i,
      cell,
      label: cellLabel(cell, copy.total),
      lastValue: last ? `${last.value} (${last.periodCode})` : '',
    };
  });
  return {
    name,
    copy,
    kind: work.kind,
    facts: [
      [copy.indicator, `${indicator.code} — ${localText(indicator.name, language)}`],
      [copy.definition, localText(indicator.description, language)],
      [copy.unit, indicator.unit],
      [copy.period, work.periodCode],
      [copy.deadline, work.deadline.toISOString().slice(0, 10)],
    ],
    rows,
    meta: {
      sheet: name,
      cityId: work.cityId,
      assignmentId: work.assignmentId,
      indicatorId: work.indicatorId,
      definitionVersion: work.definitionVersion,
      periodId: work.periodId,
    },
  };
}
