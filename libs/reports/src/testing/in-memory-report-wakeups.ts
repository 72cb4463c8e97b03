import { ReportWakeups } from '../generation/report-wakeups';

// Records the wake-ups a handler sends, for handler tests.
export class InMemoryReportWakeups extends ReportWakeups {
  readonly woken: { cityId: string; reportId: string }[] = [];

  wake(cityId: string, reportId: string): Promise<unknown> {
    this.woken.push({ cityId, reportId });
    return Promise.resolve();
  }
}
