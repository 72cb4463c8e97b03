// What a cell accepts, from the indicator's unit (the kinds of the reporting checks, which decide on
// upload: these rules are comfort in the spreadsheet and the mobile form).
export type ValueKind = 'yes_no' | 'percent' | 'count' | 'number';

export interface ValueRule {
  // Spreadsheet validation type; `list` is a dropdown.
  spreadsheet: 'decimal' | 'whole' | 'list';
  min?: number;
  max?: number;
  // XLSForm question type and constraint.
  question: 'decimal' | 'integer';
  constraint?: string;
}

export function valueRule(kind: ValueKind): ValueRule {
  switch (kind) {
    case 'yes_no':
      return { spreadsheet: 'list', min: 0, max: 1, question: 'integer', constraint: '. = 0 or . = 1' };
    case 'percent':
      return {
        spreadsheet: 'decimal',
        min: 0,
        max: 100,
        question: 'decimal',
        constraint: '. >= 0 and . <= 100',
      };
    case 'count':
      return { spreadsheet: 'whole', min: 0, question: 'integer', constraint: '. >= 0' };
    case 'number':
      return { spreadsheet: 'decimal', question: 'decimal' };
  }
}
