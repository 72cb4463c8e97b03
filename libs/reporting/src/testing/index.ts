export { InMemoryReportingLedger } from './in-memory-reporting-ledger';
export { InMemorySubmissionReferences } from './in-memory-submission-references';
export { InMemoryImportsStore, RecordedWakeups } from './in-memory-imports-store';
