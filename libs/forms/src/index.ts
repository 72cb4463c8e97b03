export { CellDisaggregation, cellQuestionNames, TOTAL_QUESTION } from './domain/cell-names';
// The cells and hidden fields of the generated XLSForm, by which pulls map answers back (libs/collection).
export { DeclaredDimension, templateCells } from './domain/template-cells';
export { HIDDEN_FIELDS } from './domain/xlsform';
export { FormsModule } from './forms.module';
// The template model and its workbook, for the benchmark (infra/bench/templates.bench.ts).
export { sheetNames, templateSheet, TemplateWork } from './domain/template-sheet';
export { templateWorkbook } from './templates/template-workbook';
export { readTemplate } from './templates/template-reader';
