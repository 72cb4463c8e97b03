export { XlsFormSheets, xlsFormProblems } from './xlsform-rules';
