export { CellDisaggregation, cellQuestionNames, TOTAL_QUESTION } from './domain/cell-names';
