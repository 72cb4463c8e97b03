export { CellDisaggregation, cellQuestionNames, TOTAL_QUESTION } from './domain/cell-names';
export { templateCells } from './domain/template-cells';
export { FormsModule } from './forms.module';
// The template model and its workbook, for the benchmark (infra/bench/templates.bench.ts).
export { sheetNames, templateSheet, TemplateWork } from './domain/template-sheet';
export { templateWorkbook } from './templates/template-workbook';
export { readTemplate } from './templates/template-reader';
