import { ReportContent, ReportPin } from '../report-content';
import { ReportEvent } from '../report.events';

export const REPORT_ID = '01929a00-0000-7000-8000-0000000000a1';
export const INDICATOR_ID = '01929a00-0000-7000-8000-00000000001d';
export const PERIOD_ID = '01929a00-0000-7000-8000-0000000000e1';
export const COORDINATOR = '01929a00-0000-7000-8000-0000000000c0';

export const pin = (overrides: Partial<ReportPin> = {}): ReportPin => ({
  position: 42,
  headHash: 'a'.repeat(64),
  checkpoint: null,
  generatedAt: '2025-01-15T10:00:00.000Z',
  ...overrides,
});

// A report of 2024 with one count indicator: the total and two cells, the small one suppressed.
export const content = (overrides: Partial<ReportContent> = {}): ReportContent => ({
  city: { slug: 'ghent', name: 'Ghent', locale: 'nl-BE' },
  year: 2024,
  title: 'Human rights in Ghent, 2024',
  sections: ['summary', 'indicators'],
  pin: pin(),
  periods: [{ id: PERIOD_ID, code: '2024' }],
  summary: { publicIndicators: 1, valuesValidated: 3, organisations: 2 },
  rights: [
    {
      right: 'housing',
      indicators: [
        {
          id: INDICATOR_ID,
          code: 'EV-1',
          name: 'Evictions',
          unit: 'count',
          disclosure: { minCount: 5, secondary: true },
          trend: [
            { period: '2023', value: 50, series: 1 },
            { period: '2024', value: 40, series: 1 },
          ],
          cells: [
            { period: '2024', key: '', disaggregation: {}, value: 40, obsStatus: 'A' },
            { period: '2024', key: 'sex:F', disaggregation: { sex: 'F' }, value: null, obsStatus: 'Q' },
            { period: '2024', key: 'sex:M', disaggregation: { sex: 'M' }, value: null, obsStatus: 'Q' },
          ],
          comments: [],
        },
      ],
    },
  ],
  ...overrides,
});

export const requested = (): ReportEvent => ({
  type: 'ReportRequested',
  data: {
    reportId: REPORT_ID,
    year: 2024,
    title: 'Human rights in Ghent, 2024',
    sections: ['summary', 'indicators'],
    requestedBy: COORDINATOR,
  },
});

export const generated = (): ReportEvent => ({
  type: 'ReportGenerated',
  data: { reportId: REPORT_ID, ...pin(), contentHash: 'b'.repeat(64), content: content() },
});
