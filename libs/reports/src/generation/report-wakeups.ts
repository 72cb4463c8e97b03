// Hands a queued report to the worker (ReportJobs in the apps; an in-memory one in handler tests).
export abstract class ReportWakeups {
  abstract wake(cityId: string, reportId: string): Promise<unknown>;
}
