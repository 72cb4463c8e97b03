export { CellDisaggregation, cellQuestionNames, TOTAL_QUESTION } from './domain/cell-names';
export { templateCells } from './domain/template-cells';
export { FormsModule } from './forms.module';
